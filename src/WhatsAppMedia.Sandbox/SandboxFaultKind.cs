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
}
