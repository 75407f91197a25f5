using System.Collections.Concurrent;
using WhatsAppMedia.Core.Hosting;
using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Core.Deletions;

/// <summary>
/// The deletion calls under way in this process, so that concurrent deletions of one media object share one provider
/// call: 500 concurrent DELETEs of one id make one call, not 500, and each caller gets its outcome —
/// <c>deleted</c> for all of them rather than one <c>deleted</c> and 499 <c>media_not_found</c>. A call is shared only
/// while it runs, and only for the same tenant, provider, media id and phone, each caller having been authenticated
/// for that tenant first. The shared call runs without any one caller's cancellation (it is bounded by the provider
/// retry budget, <c>Providers:Retry:TotalBudget</c>); a caller that gives up stops waiting, the others do not. Other
/// instances of the service make their own calls; deleting twice is harmless, so this only saves provider quota.
/// </summary>
internal sealed class InFlightDeletions
{
    private readonly ConcurrentDictionary<InFlightDeletionKey, Task<DeletionResult>> _calls = new();

    /// <summary>How many calls are under way right now.</summary>
    public int Count => _calls.Count;

    /// <summary>
    /// How many deletions joined a call another one had started, since the process started (awaitable). Internal: only
    /// tests wait on it.
    /// </summary>
    internal ProgressCounter Joined { get; } = new();

    /// <summary>Waits for the call under way for <paramref name="key"/>, or starts <paramref name="call"/> as that call.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; the call itself carries on.</exception>
    public async Task<DeletionResult> JoinOrStartAsync(InFlightDeletionKey key, Func<Task<DeletionResult>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(call);
        while (true)
        {
            if (_calls.TryGetValue(key, out var running))
            {
                Joined.Increment();
                return await running.WaitAsync(cancellationToken);
            }

            var result = new TaskCompletionSource<DeletionResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_calls.TryAdd(key, result.Task))
            {
                _ = RunAsync(key, call, result);
                return await result.Task.WaitAsync(cancellationToken);
            }
        }
    }

    private async Task RunAsync(InFlightDeletionKey key, Func<Task<DeletionResult>> call, TaskCompletionSource<DeletionResult> result)
    {
        try
        {
            var outcome = await call();

            // Forgotten before it is answered: a deletion asked for after this point makes a call of its own.
            _calls.TryRemove(new KeyValuePair<InFlightDeletionKey, Task<DeletionResult>>(key, result.Task));
            result.SetResult(outcome);
        }
        catch (Exception exception)
        {
            _calls.TryRemove(new KeyValuePair<InFlightDeletionKey, Task<DeletionResult>>(key, result.Task));
            result.SetException(exception);
        }
    }
}
