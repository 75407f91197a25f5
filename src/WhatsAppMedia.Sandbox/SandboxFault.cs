namespace WhatsAppMedia.Sandbox;

/// <summary>
/// A fault the sandbox applies to the next request it receives for one provider, or with <see cref="MediaId"/> to the
/// next request that names that media id.
/// </summary>
public sealed record SandboxFault(
    SandboxFaultKind Kind,
    TimeSpan? Delay = null,
    int? Status = null,
    TimeSpan? RetryAfter = null,
    Task? Release = null,
    IReadOnlyDictionary<string, string>? Headers = null,
    string? Body = null,
    string? MediaId = null)
{
    public static SandboxFault Latency(TimeSpan delay) => new(SandboxFaultKind.Latency, Delay: delay);

    public static SandboxFault Hang() => new(SandboxFaultKind.Hang);

    /// <summary>Holds requests until <paramref name="release"/> completes: requests stay in flight exactly as long as a test needs.</summary>
    public static SandboxFault Hold(Task release) => new(SandboxFaultKind.Hold, Release: release);

    public static SandboxFault ServerError(int status = 503) => new(SandboxFaultKind.ServerError, Status: status);

    public static SandboxFault Throttle(TimeSpan? retryAfter = null) => new(SandboxFaultKind.Throttle, RetryAfter: retryAfter);

    public static SandboxFault RefuseCredentials() => new(SandboxFaultKind.RefuseCredentials);

    public static SandboxFault Reject() => new(SandboxFaultKind.Reject);

    /// <summary>
    /// Answers with exactly <paramref name="status"/>, <paramref name="headers"/> and <paramref name="body"/>, as a
    /// provider was seen to answer; with <paramref name="mediaId"/>, only a request naming that media id.
    /// </summary>
    /// <exception cref="ArgumentException">The answer fails <see cref="SandboxReplay.Problem"/>.</exception>
    public static SandboxFault Replay(int status, string body, IReadOnlyDictionary<string, string>? headers = null, string? mediaId = null)
    {
        var fault = new SandboxFault(SandboxFaultKind.Replay, Status: status, Headers: headers, Body: body, MediaId: mediaId);
        return SandboxReplay.Problem(fault) is { } problem ? throw new ArgumentException(problem) : fault;
    }
}
