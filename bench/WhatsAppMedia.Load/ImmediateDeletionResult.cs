namespace WhatsAppMedia.Load;

/// <summary>One run of immediate deletions at a fixed concurrency, with latency percentiles (nearest rank).</summary>
/// <param name="Target">The service, or the sandbox directly (the baseline).</param>
/// <param name="ProviderLatency">What the sandbox added to each provider call.</param>
/// <param name="Concurrency">Requests kept in flight at once.</param>
/// <param name="Requests">Requests sent.</param>
/// <param name="Failures">Requests that did not answer 200; anything but 0 means the run went wrong.</param>
/// <param name="Elapsed">From the first request sent to the last answer read.</param>
/// <param name="SortedLatenciesMs">Each request's time from send to body read, in milliseconds, ascending.</param>
internal sealed record ImmediateDeletionResult(
    ImmediateDeletionTarget Target,
    TimeSpan ProviderLatency,
    int Concurrency,
    int Requests,
    int Failures,
    TimeSpan Elapsed,
    IReadOnlyList<double> SortedLatenciesMs)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    public double Percentile(double percent)
    {
        var rank = (int)Math.Ceiling(percent / 100 * SortedLatenciesMs.Count);
        return SortedLatenciesMs[Math.Clamp(rank - 1, 0, SortedLatenciesMs.Count - 1)];
    }
}
