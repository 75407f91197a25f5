using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Sandbox;

/// <summary>
/// The body of <c>POST /_sandbox/{provider}/faults</c>, and every check that turns it into a fault or a specific
/// refusal: a fault the sandbox cannot give is refused and injects nothing.
/// </summary>
/// <param name="Kind">A <see cref="SandboxFaultKind"/> name, any case, that the provider offers (<see cref="SandboxFaultKinds.IsOfferedBy"/>).</param>
/// <param name="Times">How many requests it applies to, 1–10000; default 1.</param>
/// <param name="DelayMilliseconds">For <c>latency</c>.</param>
/// <param name="Status">For <c>serverError</c> (a 5xx), <c>replay</c> (200–599), <c>expireDownload</c> (401 or 404) and <c>redirectDownload</c> (301, 302, 303, 307 or 308).</param>
/// <param name="RetryAfterSeconds">For <c>throttle</c>.</param>
/// <param name="Headers">For <c>replay</c>, and for <c>redirectDownload</c> its <c>Location</c> (required).</param>
/// <param name="Body">For <c>replay</c>.</param>
/// <param name="MediaId">Wait for a request naming this media id, 1–256 characters.</param>
/// <param name="AfterBytes">For <c>truncateDownload</c> and <c>stallDownload</c>: bytes to send first, 0 or more; default half the file.</param>
/// <param name="FileSizeDelta">For <c>wrongFileSize</c>, required: bytes to add to the declared size, non-zero.</param>
internal sealed record SandboxFaultRequest(
    string Kind,
    int? Times,
    int? DelayMilliseconds,
    int? Status,
    int? RetryAfterSeconds,
    Dictionary<string, string>? Headers = null,
    string? Body = null,
    string? MediaId = null,
    long? AfterBytes = null,
    long? FileSizeDelta = null)
{
    public const int MaxTimes = 10_000;

    /// <summary>Longer than any provider's media id; a fault for a longer one could never apply.</summary>
    public const int MaxMediaIdLength = 256;

    /// <summary>A size lie larger than this could not describe a file any provider serves.</summary>
    public const long MaxFileSizeDelta = 1L << 40;

    /// <summary>The fault asked for, or null with what is wrong with the request in <paramref name="problem"/>.</summary>
    public SandboxFault? ToFault(ProviderKind provider, out string? problem)
    {
        var offered = RemoteKinds(provider);
        var kind = offered.Cast<SandboxFaultKind?>().FirstOrDefault(candidate => string.Equals(candidate.ToString(), Kind, StringComparison.OrdinalIgnoreCase));
        problem = kind is null || Times is < 1 or > MaxTimes
            ? $"kind must be one of {string.Join(", ", offered)} for {provider.ToName()}; times 1-{MaxTimes}."
            : MediaId is { Length: 0 or > MaxMediaIdLength }
                ? $"mediaId must be 1-{MaxMediaIdLength} characters."
                : ParameterProblem(kind.Value);
        if (problem is not null)
        {
            return null;
        }

        var fault = new SandboxFault(
            kind!.Value,
            DelayMilliseconds is { } delay ? TimeSpan.FromMilliseconds(delay) : null,
            Status ?? (kind == SandboxFaultKind.RedirectDownload ? SandboxRedirect.DefaultStatus : null),
            RetryAfterSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            Headers: Headers,
            Body: Body,
            MediaId: MediaId,
            AfterBytes: AfterBytes,
            FileSizeDelta: FileSizeDelta);
        problem = kind == SandboxFaultKind.Replay ? SandboxReplay.Problem(fault) : null;
        return problem is null ? fault : null;
    }

    /// <summary>The faults a remote caller can ask of <paramref name="provider"/>: all it offers but <see cref="SandboxFaultKind.Hold"/>, which needs an in-process release.</summary>
    public static IReadOnlyList<SandboxFaultKind> RemoteKinds(ProviderKind provider) =>
        [.. Enum.GetValues<SandboxFaultKind>().Where(kind => kind != SandboxFaultKind.Hold && SandboxFaultKinds.IsOfferedBy(kind, provider))];

    private string? ParameterProblem(SandboxFaultKind kind)
    {
        var cutsDownload = kind is SandboxFaultKind.TruncateDownload or SandboxFaultKind.StallDownload;
        if (AfterBytes is not null && (!cutsDownload || AfterBytes < 0))
        {
            return "afterBytes (0 or more) applies to truncateDownload and stallDownload only.";
        }

        if (kind == SandboxFaultKind.WrongFileSize
            ? FileSizeDelta is not { } delta || delta == 0 || Math.Abs(delta) > MaxFileSizeDelta
            : FileSizeDelta is not null)
        {
            return $"wrongFileSize needs fileSizeDelta, a non-zero number of bytes between -{MaxFileSizeDelta} and {MaxFileSizeDelta} (negative declares a smaller file); no other kind takes it.";
        }

        if (kind == SandboxFaultKind.RedirectDownload)
        {
            return SandboxRedirect.Problem(Status ?? SandboxRedirect.DefaultStatus, Headers?.GetValueOrDefault("Location"));
        }

        return kind == SandboxFaultKind.ExpireDownload && Status is not (null or 401 or 404)
            ? "expireDownload answers status 404 (the default) or 401."
            : null;
    }
}
