using Microsoft.AspNetCore.Http;

namespace WhatsAppMedia.Sandbox;

/// <summary>Checks and writes a <see cref="SandboxFaultKind.RedirectDownload"/> answer.</summary>
internal static class SandboxRedirect
{
    public const int DefaultStatus = StatusCodes.Status302Found;

    private static readonly int[] RedirectStatuses = [301, 302, 303, 307, 308];

    /// <summary>What is wrong with a redirect of <paramref name="status"/> to <paramref name="location"/>, or null.</summary>
    public static string? Problem(int status, string? location) =>
        !RedirectStatuses.Contains(status)
            ? $"redirectDownload answers one of {string.Join(", ", RedirectStatuses)}."
            : !Uri.TryCreate(location, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                ? "redirectDownload needs headers.Location, an absolute http or https URL."
                : null;

    public static Task WriteAsync(HttpContext context, SandboxFault fault)
    {
        context.Response.StatusCode = fault.Status ?? DefaultStatus;
        context.Response.Headers.Location = fault.Headers!["Location"];
        return Task.CompletedTask;
    }
}
