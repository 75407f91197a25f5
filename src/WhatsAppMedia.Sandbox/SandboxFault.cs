namespace WhatsAppMedia.Sandbox;

/// <summary>A fault the sandbox applies to the next request it receives for one provider.</summary>
public sealed record SandboxFault(SandboxFaultKind Kind, TimeSpan? Delay = null, int? Status = null, TimeSpan? RetryAfter = null)
{
    public static SandboxFault Latency(TimeSpan delay) => new(SandboxFaultKind.Latency, Delay: delay);

    public static SandboxFault Hang() => new(SandboxFaultKind.Hang);

    public static SandboxFault ServerError(int status = 503) => new(SandboxFaultKind.ServerError, Status: status);

    public static SandboxFault Throttle(TimeSpan? retryAfter = null) => new(SandboxFaultKind.Throttle, RetryAfter: retryAfter);

    public static SandboxFault RefuseCredentials() => new(SandboxFaultKind.RefuseCredentials);

    public static SandboxFault Reject() => new(SandboxFaultKind.Reject);
}
