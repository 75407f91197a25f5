namespace WhatsAppMedia.Load;

/// <summary>One run of the shared-quota scenario: what was asked of the hosts.</summary>
/// <param name="Provider">The tenant's provider; the sandbox account of that provider carries the quota.</param>
/// <param name="Hosts">Local hosts on the one queue.</param>
/// <param name="Items">Media ids in the bulk job.</param>
/// <param name="QuotaPerSecond">What the provider account admits: a token bucket of this rate with one second's burst.</param>
/// <param name="Budget">The tenant document's <c>requestsPerSecond</c>, or null to leave it out (the provider's default).</param>
/// <param name="Latency">What the sandbox adds to each admitted provider call.</param>
internal sealed record QuotaRun(ProviderKind Provider, int Hosts, int Items, double QuotaPerSecond, double? Budget, TimeSpan Latency)
{
    /// <summary>The shortest possible drain: every item at the account's rate.</summary>
    public TimeSpan Ideal => TimeSpan.FromSeconds(Items / QuotaPerSecond);
}
