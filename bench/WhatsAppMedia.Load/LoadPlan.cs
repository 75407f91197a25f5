namespace WhatsAppMedia.Load;

/// <summary>How much work each scenario does: the full run for RESULTS.md, or a smoke run that only proves the harness works.</summary>
/// <param name="DrainMessages">Messages in the full queue of the drain scenario.</param>
/// <param name="DrainLatency">What the sandbox adds to each provider call while the queue drains.</param>
/// <param name="BulkItems">Items of the bulk scenario, posted in chunks of the contract's 1,000-item maximum.</param>
/// <param name="ImmediateRequests">DELETE requests per concurrency level and target.</param>
/// <param name="Concurrencies">How many DELETE requests are kept in flight at once.</param>
/// <param name="ProviderLatency">The latency the sandbox adds to each provider call in the slowed-down DELETE-now runs.</param>
internal sealed record LoadPlan(
    int DrainMessages,
    TimeSpan DrainLatency,
    int BulkItems,
    int ImmediateRequests,
    IReadOnlyList<int> Concurrencies,
    TimeSpan ProviderLatency)
{
    public static LoadPlan Full { get; } = new(2_000, TimeSpan.FromMilliseconds(100), 1_000, 2_000, [1, 16, 64], TimeSpan.FromMilliseconds(20));

    public static LoadPlan Quick { get; } = new(200, TimeSpan.FromMilliseconds(100), 200, 200, [1, 16, 64], TimeSpan.FromMilliseconds(20));

    /// <summary>Small enough to be quick, big enough to JIT every path and open the connection pools first.</summary>
    public static LoadPlan WarmUp { get; } = new(0, TimeSpan.Zero, 100, 100, [16], TimeSpan.Zero);
}
