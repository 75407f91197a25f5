namespace WhatsAppMedia.DevHost;

/// <summary>
/// The host's shutdown deadline, as seen by in-flight deliveries: cancelled when it passes, so their work stops and
/// <see cref="ProgressQueueProcessor"/> hands their messages back at once instead of leaving them hidden for their lease.
/// </summary>
internal sealed class QueueTriggerShutdown : IDisposable
{
    private readonly CancellationTokenSource _abandon = new();

    public CancellationToken Abandoned => _abandon.Token;

    public bool IsAbandoning => _abandon.IsCancellationRequested;

    public void Abandon() => _abandon.Cancel();

    public void Dispose() => _abandon.Dispose();
}
