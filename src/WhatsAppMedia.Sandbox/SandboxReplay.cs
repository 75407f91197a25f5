using System.Text;
using Microsoft.AspNetCore.Http;

namespace WhatsAppMedia.Sandbox;

/// <summary>
/// Checks and writes a <see cref="SandboxFaultKind.Replay"/> answer. The checks keep a replayed answer a valid HTTP
/// answer: a real status, header names that are tokens, values that fit in a header, no header that framing owns,
/// and a body of bounded size.
/// </summary>
internal static class SandboxReplay
{
    public const int MinStatus = 200;
    public const int MaxStatus = 599;
    public const int MaxHeaders = 32;
    public const int MaxBodyLength = 64 * 1024;

    /// <summary>Headers the server sets from the body it writes; a replay that set them would describe another body.</summary>
    private static readonly HashSet<string> FramingHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "Upgrade", "Trailer", "TE",
    };

    /// <summary>What is wrong with a replay fault, or null when it can be replayed.</summary>
    public static string? Problem(SandboxFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (fault.Status is not (>= MinStatus and <= MaxStatus))
        {
            return $"replay needs a status between {MinStatus} and {MaxStatus}.";
        }

        if (fault.Body is null || fault.Body.Length > MaxBodyLength)
        {
            return $"replay needs a body (a string, possibly empty) of at most {MaxBodyLength} characters.";
        }

        if (fault.Headers is { Count: > MaxHeaders })
        {
            return $"replay takes at most {MaxHeaders} headers.";
        }

        foreach (var (name, value) in fault.Headers ?? new Dictionary<string, string>())
        {
            if (string.IsNullOrEmpty(name) || !name.All(IsTokenCharacter))
            {
                return "every replayed header name must be an HTTP token.";
            }

            if (FramingHeaders.Contains(name))
            {
                return $"replayed headers must not include {string.Join(", ", FramingHeaders.Order(StringComparer.Ordinal))}: the server sets them.";
            }

            if (value is null || value.Any(character => character is < ' ' and not '\t' or > '~'))
            {
                return "every replayed header value must be printable ASCII.";
            }
        }

        return null;
    }

    public static async Task WriteAsync(HttpContext context, SandboxFault fault)
    {
        context.Response.StatusCode = fault.Status!.Value;
        foreach (var (name, value) in fault.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(fault.Body ?? string.Empty), context.RequestAborted);
    }

    // RFC 9110 §5.6.2 tchar.
    private static bool IsTokenCharacter(char character) =>
        char.IsAsciiLetterOrDigit(character) || "!#$%&'*+-.^_`|~".Contains(character, StringComparison.Ordinal);
}
