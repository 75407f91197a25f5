using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Sandbox;

/// <summary>
/// The sandbox's own HTTP control surface, so a sandbox run with <c>dotnet run</c> can be driven with curl:
/// create media, inject faults, read what it received.
/// </summary>
internal static class SandboxControlApi
{
    /// <summary>Longer than any provider's media id; a fault for a longer one could never apply.</summary>
    private const int MaxMediaIdLength = 256;

    /// <summary>The faults a remote caller can ask for: all but <see cref="SandboxFaultKind.Hold"/>, which needs an in-process release.</summary>
    private static readonly SandboxFaultKind[] RemoteFaultKinds = [.. Enum.GetValues<SandboxFaultKind>().Where(kind => kind != SandboxFaultKind.Hold)];

    public static void Map(RouteGroupBuilder routes, Dictionary<ProviderKind, SandboxProviderState> states, Dictionary<ProviderKind, IProviderImitation> imitations)
    {
        routes.MapGet("/{provider}/media", (string provider) =>
            WithProvider(provider, kind => Results.Ok(new { media = states[kind].Media.Order(StringComparer.Ordinal) })));

        routes.MapPost("/{provider}/media", (string provider, string? ownerPhone, bool? received) => WithProvider(provider, kind =>
        {
            var id = imitations[kind].NewMediaId();
            if (received == true)
            {
                states[kind].AddReceivedMedia(id);
            }
            else
            {
                states[kind].AddMedia(id, ownerPhone);
            }

            return Results.Created($"/_sandbox/{provider}/media/{Uri.EscapeDataString(id)}", new { mediaId = id });
        }));

        routes.MapPut("/{provider}/media/{mediaId}", (string provider, string mediaId, string? ownerPhone) => WithProvider(provider, kind =>
        {
            states[kind].AddMedia(mediaId, ownerPhone);
            return Results.NoContent();
        }));

        routes.MapPost("/{provider}/faults", (string provider, FaultRequest request) => WithProvider(provider, kind =>
        {
            var faultKind = RemoteFaultKinds.Cast<SandboxFaultKind?>().FirstOrDefault(candidate => string.Equals(candidate.ToString(), request.Kind, StringComparison.OrdinalIgnoreCase));
            if (faultKind is null || request.Times is < 1 or > 10_000)
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    detail: $"kind must be one of {string.Join(", ", RemoteFaultKinds)}; times 1-10000.");
            }

            var fault = new SandboxFault(
                faultKind.Value,
                request.DelayMilliseconds is { } delay ? TimeSpan.FromMilliseconds(delay) : null,
                request.Status,
                request.RetryAfterSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                Headers: request.Headers,
                Body: request.Body,
                MediaId: request.MediaId);
            if (request.MediaId is { Length: 0 or > MaxMediaIdLength })
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: $"mediaId must be 1-{MaxMediaIdLength} characters.");
            }

            if (faultKind == SandboxFaultKind.Replay && SandboxReplay.Problem(fault) is { } problem)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: problem);
            }

            states[kind].InjectFault(fault, request.Times ?? 1);
            return Results.NoContent();
        }));

        routes.MapDelete("/{provider}/faults", (string provider) => WithProvider(provider, kind =>
        {
            states[kind].ClearFaults();
            return Results.NoContent();
        }));

        routes.MapGet("/{provider}/requests", (string provider) =>
            WithProvider(provider, kind => Results.Ok(new { requests = states[kind].Requests })));

        routes.MapDelete("/{provider}/requests", (string provider) => WithProvider(provider, kind =>
        {
            states[kind].ClearRequests();
            return Results.NoContent();
        }));
    }

    private static IResult WithProvider(string provider, Func<ProviderKind, IResult> action) =>
        Enum.GetValues<ProviderKind>().Where(kind => kind.ToName() == provider).Select(kind => (ProviderKind?)kind).FirstOrDefault() is { } known
            ? action(known)
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"Unknown provider; use one of {string.Join(", ", Enum.GetValues<ProviderKind>().Select(kind => kind.ToName()))}.");

    internal sealed record FaultRequest(
        string Kind,
        int? Times,
        int? DelayMilliseconds,
        int? Status,
        int? RetryAfterSeconds,
        Dictionary<string, string>? Headers = null,
        string? Body = null,
        string? MediaId = null);
}
