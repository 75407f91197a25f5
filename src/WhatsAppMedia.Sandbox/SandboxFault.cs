namespace WhatsAppMedia.Sandbox;

/// <summary>
/// A fault the sandbox applies to the next request it receives for one provider, or with <see cref="MediaId"/> to the
/// next request that names that media id. Kinds that belong to one kind of request (<see cref="SandboxFaultKinds.Target"/>)
/// wait for the next request of that kind.
/// </summary>
/// <param name="AfterBytes">For <see cref="SandboxFaultKind.TruncateDownload"/> and <see cref="SandboxFaultKind.StallDownload"/>: how many bytes of the file to send first; null: half the file.</param>
/// <param name="FileSizeDelta">For <see cref="SandboxFaultKind.WrongFileSize"/>: what to add to the true size in bytes (non-zero; negative declares a smaller file).</param>
public sealed record SandboxFault(
    SandboxFaultKind Kind,
    TimeSpan? Delay = null,
    int? Status = null,
    TimeSpan? RetryAfter = null,
    Task? Release = null,
    IReadOnlyDictionary<string, string>? Headers = null,
    string? Body = null,
    string? MediaId = null,
    long? AfterBytes = null,
    long? FileSizeDelta = null)
{
    public static SandboxFault Latency(TimeSpan delay) => new(SandboxFaultKind.Latency, Delay: delay);

    public static SandboxFault Hang() => new(SandboxFaultKind.Hang);

    /// <summary>Holds requests until <paramref name="release"/> completes: requests stay in flight exactly as long as a test needs.</summary>
    public static SandboxFault Hold(Task release) => new(SandboxFaultKind.Hold, Release: release);

    public static SandboxFault ServerError(int status = 503) => new(SandboxFaultKind.ServerError, Status: status);

    public static SandboxFault Throttle(TimeSpan? retryAfter = null) => new(SandboxFaultKind.Throttle, RetryAfter: retryAfter);

    public static SandboxFault RefuseCredentials() => new(SandboxFaultKind.RefuseCredentials);

    public static SandboxFault Reject() => new(SandboxFaultKind.Reject);

    /// <summary>The next metadata answer declares a SHA-256 that is not the bytes'.</summary>
    public static SandboxFault WrongSha256(string? mediaId = null) => new(SandboxFaultKind.WrongSha256, MediaId: mediaId);

    /// <summary>The next metadata answer declares the true size plus <paramref name="delta"/> bytes.</summary>
    public static SandboxFault WrongFileSize(long delta, string? mediaId = null) =>
        delta == 0 ? throw new ArgumentOutOfRangeException(nameof(delta), "A size off by 0 bytes is the true size.") : new(SandboxFaultKind.WrongFileSize, MediaId: mediaId, FileSizeDelta: delta);

    /// <summary>The next metadata answer sends <c>file_size</c> as a JSON number.</summary>
    public static SandboxFault FileSizeAsNumber(string? mediaId = null) => new(SandboxFaultKind.FileSizeAsNumber, MediaId: mediaId);

    /// <summary>The next download sends <paramref name="afterBytes"/> bytes (default half) of a full-length answer, then closes the connection.</summary>
    public static SandboxFault TruncateDownload(long? afterBytes = null, string? mediaId = null) =>
        new(SandboxFaultKind.TruncateDownload, MediaId: mediaId, AfterBytes: afterBytes);

    /// <summary>The next download sends <paramref name="afterBytes"/> bytes (default half), then waits for the client to give up.</summary>
    public static SandboxFault StallDownload(long? afterBytes = null, string? mediaId = null) =>
        new(SandboxFaultKind.StallDownload, MediaId: mediaId, AfterBytes: afterBytes);

    /// <summary>The next download is refused as an expired URL, with <paramref name="status"/> 404 or 401.</summary>
    public static SandboxFault ExpireDownload(int status = 404, string? mediaId = null) => new(SandboxFaultKind.ExpireDownload, Status: status, MediaId: mediaId);

    /// <summary>The next download is refused as if its bearer token were no longer valid.</summary>
    public static SandboxFault RefuseDownloadToken(string? mediaId = null) => new(SandboxFaultKind.RefuseDownloadToken, MediaId: mediaId);

    /// <summary>The next download is answered <paramref name="status"/> (a redirect) to <paramref name="location"/>.</summary>
    public static SandboxFault RedirectDownload(Uri location, int status = 302, string? mediaId = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        return SandboxRedirect.Problem(status, location.IsAbsoluteUri ? location.AbsoluteUri : location.OriginalString) is { } problem
            ? throw new ArgumentException(problem)
            : new(SandboxFaultKind.RedirectDownload, Status: status, Headers: new Dictionary<string, string> { ["Location"] = location.AbsoluteUri }, MediaId: mediaId);
    }

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
