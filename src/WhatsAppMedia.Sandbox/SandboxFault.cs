namespace WhatsAppMedia.Sandbox;

/// <summary>A fault the sandbox applies to the next request it receives for one provider.</summary>
public sealed record SandboxFault(SandboxFaultKind Kind, TimeSpan? Delay = null, int? Status = null, TimeSpan? RetryAfter = null, Task? Release = null)
{
    public static SandboxFault Latency(TimeSpan delay) => new(SandboxFaultKind.Latency, Delay: delay);

    public static SandboxFault Hang() => new(SandboxFaultKind.Hang);

    /// <summary>Holds requests until <paramref name="release"/> completes: requests stay in flight exactly as long as a test needs.</summary>
    public static SandboxFault Hold(Task release) => new(SandboxFaultKind.Hold, Release: release);

    public static SandboxFault ServerError(int status = 503) => new(SandboxFaultKind.ServerError, Status: status);

    public static SandboxFault Throttle(TimeSpan? retryAfter = null) => new(SandboxFaultKind.Throttle, RetryAfter: retryAfter);

    public static SandboxFault RefuseCredentials() => new(SandboxFaultKind.RefuseCredentials);

    public static SandboxFault Reject() => new(SandboxFaultKind.Reject);
}
