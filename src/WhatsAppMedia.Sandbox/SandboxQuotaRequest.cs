namespace WhatsAppMedia.Sandbox;

/// <summary>The body of <c>PUT /_sandbox/{provider}/quota</c>: <c>{"requestsPerSecond":5,"burst":5}</c>; burst defaults to one second's worth.</summary>
public sealed record SandboxQuotaRequest(double? RequestsPerSecond, int? Burst)
{
    /// <summary>What is wrong with the request, or null; a refused request changes nothing.</summary>
    public string? Problem() => this switch
    {
        { RequestsPerSecond: null } => "'requestsPerSecond' is required.",
        { RequestsPerSecond: var rate } when !double.IsFinite(rate.Value) || rate <= 0 || rate > 100_000 => "'requestsPerSecond' must be greater than 0 and at most 100000.",
        { Burst: < 1 or > 100_000 } => "'burst' must be a whole number from 1 to 100000.",
        _ => null,
    };
}
