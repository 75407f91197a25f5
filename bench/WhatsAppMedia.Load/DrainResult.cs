namespace WhatsAppMedia.Load;

/// <summary>One drain run: a full work queue emptied by the host's queue trigger against a slow provider.</summary>
/// <param name="ProviderLatency">What the sandbox added to each provider call.</param>
/// <param name="Messages">Messages queued before the first could be received.</param>
/// <param name="InFlightLimit">The engine's limit on messages in flight, <c>batchSize + newBatchThreshold</c>.</param>
/// <param name="Elapsed">From the sandbox receiving the first delete to its answer to the last.</param>
/// <param name="Remaining">Media the sandbox still holds afterwards; anything but 0 means the run went wrong.</param>
/// <param name="Breakdown">The outgoing requests made from the full queue to the last delete (<see cref="StorageTrace"/>), as a markdown table.</param>
/// <param name="Cpu">CPU time used from the first delete to the last, by this process (host, sandbox, harness) and by Azurite.</param>
internal sealed record DrainResult(TimeSpan ProviderLatency, int Messages, int InFlightLimit, TimeSpan Elapsed, int Remaining, string Breakdown, CpuUse Cpu)
{
    public double MessagesPerSecond => Messages / Elapsed.TotalSeconds;

    /// <summary>The most the engine can do: every slot busy all the time, each message taking one provider latency.</summary>
    public double LimitPerSecond => InFlightLimit / ProviderLatency.TotalSeconds;

    public double Ratio => MessagesPerSecond / LimitPerSecond;
}
