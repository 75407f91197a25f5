using WhatsAppMedia.Core.Hosting;

namespace WhatsAppMedia.DevHost;

/// <summary>
/// What the queue listener has got through since start, so operators and tests can wait for it by signal instead of
/// by clock.
/// </summary>
public sealed class QueueListenerProgress
{
    private readonly ProgressCounter _handled = new();
    private readonly ProgressCounter _settled = new();
    private readonly ProgressCounter _receiveFailures = new();
    private readonly TaskCompletionSource _draining = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Deliveries finished with, whatever their end: completed, failed for a retry, poisoned or handed back.</summary>
    public long Handled => _handled.Count;

    /// <summary>
    /// Messages gone from the work queue for good: deleted, not found, deferred as a new message, written to
    /// <c>{queue}-failed</c> or moved to <c>{queue}-poison</c>.
    /// </summary>
    public long Settled => _settled.Count;

    /// <summary>Times the listener could not receive from the work queue (storage unreachable or refusing) and kept going.</summary>
    public long ReceiveFailures => _receiveFailures.Count;

    /// <summary>Completes once receiving has failed at least <paramref name="count"/> times since start.</summary>
    public Task WaitForReceiveFailuresAsync(long count, CancellationToken cancellationToken = default) => _receiveFailures.WaitForAsync(count, cancellationToken);

    /// <summary>Completes when the listener, shutting down, has taken its last message and waits for those in flight.</summary>
    public Task Draining => _draining.Task;

    /// <summary>Completes once at least <paramref name="count"/> deliveries have been handled since start.</summary>
    public Task WaitForHandledAsync(long count, CancellationToken cancellationToken = default) => _handled.WaitForAsync(count, cancellationToken);

    /// <summary>Completes once at least <paramref name="count"/> messages have settled since start.</summary>
    public Task WaitForSettledAsync(long count, CancellationToken cancellationToken = default) => _settled.WaitForAsync(count, cancellationToken);

    internal void OnHandled() => _handled.Increment();

    internal void OnSettled() => _settled.Increment();

    internal void OnReceiveFailed() => _receiveFailures.Increment();

    internal void OnDraining() => _draining.TrySetResult();
}
