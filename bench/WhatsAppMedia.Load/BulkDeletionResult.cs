namespace WhatsAppMedia.Load;

/// <summary>One bulk run: from the first POST to the provider's last delete.</summary>
/// <param name="ProviderLatency">What the sandbox added to each provider call.</param>
/// <param name="Items">Media ids queued.</param>
/// <param name="Posts">POST requests it took (the contract allows at most 1,000 items each).</param>
/// <param name="PostPhase">From the first POST to the last 202.</param>
/// <param name="Total">From the first POST to the sandbox's answer to the last delete.</param>
/// <param name="Remaining">Media the sandbox still holds afterwards; anything but 0 means the run went wrong.</param>
/// <param name="PostBreakdown">The outgoing requests made while the POSTs ran (<see cref="StorageTrace"/>), as a markdown table.</param>
/// <param name="RunBreakdown">The same from the first POST to the last delete.</param>
/// <param name="PutFloor">The same messages put by the harness straight on an unread queue of the same Azurite, as many at once as the service does: what Azurite alone takes.</param>
/// <param name="PostCpu">CPU time used while the POSTs ran, by this process (host, sandbox, harness) and by Azurite.</param>
/// <param name="PutFloorCpu">The same while the harness put the floor's messages.</param>
/// <param name="RowsFloor">The batch's rows (10 transactions of 100 and the batch row) written by the harness straight to a table of the same Azurite.</param>
/// <param name="RowsFloorCpu">The CPU time that took.</param>
internal sealed record BulkDeletionResult(
    TimeSpan ProviderLatency,
    int Items,
    int Posts,
    TimeSpan PostPhase,
    TimeSpan Total,
    int Remaining,
    string PostBreakdown,
    string RunBreakdown,
    TimeSpan PutFloor,
    CpuUse PostCpu,
    CpuUse PutFloorCpu,
    TimeSpan RowsFloor,
    CpuUse RowsFloorCpu)
{
    public double MessagesPerSecond => Items / Total.TotalSeconds;
}
