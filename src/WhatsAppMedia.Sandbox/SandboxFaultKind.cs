namespace WhatsAppMedia.Sandbox;

public enum SandboxFaultKind
{
    /// <summary>Wait <see cref="SandboxFault.Delay"/>, then answer normally.</summary>
    Latency,

    /// <summary>Never answer; hold the request until the client gives up.</summary>
    Hang,

    /// <summary>Answer with <see cref="SandboxFault.Status"/> (a 5xx) and the provider's own transient error body.</summary>
    ServerError,

    /// <summary>Answer with the provider's throttling error and <c>Retry-After</c> = <see cref="SandboxFault.RetryAfter"/>.</summary>
    Throttle,

    /// <summary>Answer with the provider's "credentials refused" error, whatever credentials were sent.</summary>
    RefuseCredentials,

    /// <summary>
    /// Hold the request until <see cref="SandboxFault.Release"/> completes, then answer normally. Only code that shares
    /// the process can release it, so the control API does not offer it.
    /// </summary>
    Hold,

    /// <summary>Refuse the request itself for good, in the provider's own shape of a validation error.</summary>
    Reject,

    /// <summary>
    /// Answer with exactly <see cref="SandboxFault.Status"/>, <see cref="SandboxFault.Headers"/> and
    /// <see cref="SandboxFault.Body"/>: any answer a provider was seen to give, replayed as it was.
    /// </summary>
    Replay,

    /// <summary>
    /// Meta only, on a metadata request: answer normally but declare a <c>sha256</c> that is not the bytes' (the
    /// download still sends the true bytes), as a provider whose file changed or was corrupted would.
    /// </summary>
    WrongSha256,

    /// <summary>
    /// Meta only, on a metadata request: answer normally but declare <c>file_size</c> as the true size plus
    /// <see cref="SandboxFault.FileSizeDelta"/> (larger or smaller); the download still sends the true bytes.
    /// </summary>
    WrongFileSize,

    /// <summary>Meta only, on a metadata request: send <c>file_size</c> as a JSON number instead of Meta's usual string.</summary>
    FileSizeAsNumber,

    /// <summary>
    /// Meta only, on a download: send the headers with the full <c>Content-Length</c>, then
    /// <see cref="SandboxFault.AfterBytes"/> bytes (default half the file), then close the connection.
    /// </summary>
    TruncateDownload,

    /// <summary>
    /// Meta only, on a download: send the headers, <see cref="SandboxFault.AfterBytes"/> bytes (default half the file),
    /// then send nothing more until the client gives up, which counts as a cancelled download
    /// (<see cref="SandboxProviderState.DownloadsCancelled"/>). Keeps a download in flight for as long as a test needs.
    /// </summary>
    StallDownload,

    /// <summary>
    /// Meta only, on a download: answer as for a download URL that has expired, with <see cref="SandboxFault.Status"/>
    /// 404 (the default) or 401, whatever the URL says.
    /// </summary>
    ExpireDownload,

    /// <summary>Meta only, on a download: answer 401 as for an access token Meta no longer accepts (code 190), whatever token was sent.</summary>
    RefuseDownloadToken,

    /// <summary>
    /// Meta only, on a download: answer <see cref="SandboxFault.Status"/> (a redirect, 302 by default) with the
    /// <c>Location</c> of <see cref="SandboxFault.Headers"/>, as a CDN or a proxy in front of the download host might.
    /// </summary>
    RedirectDownload,
}
