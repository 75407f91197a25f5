namespace WhatsAppMedia.Core.Hosting;

/// <summary>A count that only grows, which callers can await reaching a target instead of polling for it.</summary>
public sealed class ProgressCounter
{
    private readonly Lock _gate = new();
    private readonly List<(long Target, TaskCompletionSource Reached)> _waiters = [];
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Increment()
    {
        var count = Interlocked.Increment(ref _count);
        lock (_gate)
        {
            foreach (var waiter in _waiters.Where(waiter => waiter.Target <= count).ToList())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>Completes once the count is at least <paramref name="target"/>.</summary>
    public Task WaitForAsync(long target, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (Count >= target)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((target, reached));
            return reached.Task.WaitAsync(cancellationToken);
        }
    }
}
