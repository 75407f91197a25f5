using WhatsAppMedia.Core.Hosting;

namespace WhatsAppMedia.DevHost;

/// <summary>
/// What the queue trigger has got through since start, reported by the engine's own completion step
/// (<see cref="ProgressQueueProcessor"/>), so operators and tests can wait for it by signal instead of by clock.
/// </summary>
public sealed class QueueTriggerProgress
{
    private readonly ProgressCounter _handled = new();
    private readonly ProgressCounter _settled = new();
    private readonly ProgressCounter _engineRestarts = new();
    private readonly TaskCompletionSource _draining = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Deliveries finished with, whatever their end: completed, failed for a retry, poisoned or handed back.</summary>
    public long Handled => _handled.Count;

    /// <summary>
    /// Messages gone from the work queue for good: deleted, not found, deferred as a new message, written to
    /// <c>{queue}-failed</c> or moved to <c>{queue}-poison</c>.
    /// </summary>
    public long Settled => _settled.Count;

    /// <summary>
    /// Times the engine failed outside a delivery (storage unreachable or refusing) and was restarted, as the Functions
    /// host restarts itself on such a failure.
    /// </summary>
    public long EngineRestarts => _engineRestarts.Count;

    /// <summary>Completes once the engine has been restarted at least <paramref name="count"/> times since start.</summary>
    public Task WaitForEngineRestartsAsync(long count, CancellationToken cancellationToken = default) => _engineRestarts.WaitForAsync(count, cancellationToken);

    /// <summary>Completes when the trigger, shutting down, has stopped taking messages and waits for those in flight.</summary>
    public Task Draining => _draining.Task;

    /// <summary>Completes once at least <paramref name="count"/> deliveries have been handled since start.</summary>
    public Task WaitForHandledAsync(long count, CancellationToken cancellationToken = default) => _handled.WaitForAsync(count, cancellationToken);

    /// <summary>Completes once at least <paramref name="count"/> messages have settled since start.</summary>
    public Task WaitForSettledAsync(long count, CancellationToken cancellationToken = default) => _settled.WaitForAsync(count, cancellationToken);

    internal void OnHandled(bool settled)
    {
        // Settled first: a waiter on Handled may then read Settled and must see this delivery counted.
        if (settled)
        {
            _settled.Increment();
        }

        _handled.Increment();
    }

    internal void OnEngineRestarted() => _engineRestarts.Increment();

    internal void OnDraining() => _draining.TrySetResult();
}
