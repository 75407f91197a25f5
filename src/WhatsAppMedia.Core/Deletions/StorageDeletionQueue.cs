using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace WhatsAppMedia.Core.Deletions;

/// <summary>
/// <see cref="IDeletionQueue"/> on Azure Storage queues (Azure.Storage.Queues): <c>{queue}</c> for work,
/// <c>{queue}-failed</c> for permanent failures. Both are created on first use, so a fresh storage account (or Azurite)
/// needs no set-up step. Messages never expire: this service never lets a message disappear unprocessed.
/// </summary>
internal sealed class StorageDeletionQueue : IDeletionQueue
{
    /// <summary>Put Message's <c>messagettl=-1</c>: the message lives until it is deleted.</summary>
    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    private readonly QueueClient _work;
    private readonly QueueClient _failed;
    private readonly TimeProvider _timeProvider;
    private Lazy<Task> _created;

    public StorageDeletionQueue(QueueServiceClient queues, IOptions<MediaDeletionOptions> options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(options);
        _timeProvider = timeProvider ?? TimeProvider.System;
        _work = queues.GetQueueClient(options.Value.Queue);
        _failed = queues.GetQueueClient(options.Value.FailedQueue);
        _created = new Lazy<Task>(CreateQueuesAsync);
    }

    public async Task EnqueueAsync(DeletionMessage message, TimeSpan visibilityDelay, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfLessThan(visibilityDelay, TimeSpan.Zero);
        var called = _timeProvider.GetTimestamp();
        await EnsureCreatedAsync();

        // The delay counts from the call: creating the queues on first use can take a second, and a paced message
        // hidden for that second longer would show past its slot (docs/pacing.md, "The visibility delay").
        var remaining = visibilityDelay - _timeProvider.GetElapsedTime(called);
        var delay = QueueVisibilityDelay.For(message, remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
        await _work.SendMessageAsync(message.ToJson(), delay, NeverExpires, cancellationToken);
    }

    public async Task WriteFailedAsync(FailedDeletion failure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failure);
        await EnsureCreatedAsync();
        await _failed.SendMessageAsync(failure.ToJson(), visibilityTimeout: null, NeverExpires, cancellationToken);
    }

    private async Task EnsureCreatedAsync()
    {
        var creation = _created;
        try
        {
            await creation.Value;
        }
        catch
        {
            // A failed creation must not be remembered: the next call tries again.
            Interlocked.CompareExchange(ref _created, new Lazy<Task>(CreateQueuesAsync), creation);
            throw;
        }
    }

    private async Task CreateQueuesAsync()
    {
        await _work.CreateIfNotExistsAsync();
        await _failed.CreateIfNotExistsAsync();
    }
}
