namespace WhatsAppMedia.DevHost;

/// <summary>
/// Counts the deliveries the queue listener has finished handling (completed, failed, poisoned or handed back), so
/// operators and tests can wait for a drain by signal instead of by clock.
/// </summary>
public sealed class QueueListenerProgress
{
    private readonly Lock _gate = new();
    private readonly List<(long Target, TaskCompletionSource Reached)> _waiters = [];
    private long _handled;

    public long Handled => Interlocked.Read(ref _handled);

    internal void OnHandled()
    {
        var handled = Interlocked.Increment(ref _handled);
        lock (_gate)
        {
            foreach (var waiter in _waiters.Where(waiter => waiter.Target <= handled).ToList())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>Completes once at least <paramref name="count"/> deliveries have been handled since start.</summary>
    public Task WaitForHandledAsync(long count, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (Handled >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            return reached.Task.WaitAsync(cancellationToken);
        }
    }
}
