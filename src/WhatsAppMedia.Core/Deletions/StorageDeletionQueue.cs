using Microsoft.Extensions.Options;
using WhatsAppMedia.Core.Queues;

namespace WhatsAppMedia.Core.Deletions;

/// <summary>
/// <see cref="IDeletionQueue"/> on Azure Storage queues: <c>{queue}</c> for work, <c>{queue}-failed</c> for permanent
/// failures. Both are created on first use, so a fresh storage account (or Azurite) needs no set-up step.
/// </summary>
public sealed class StorageDeletionQueue : IDeletionQueue
{
    private readonly StorageQueue _work;
    private readonly StorageQueue _failed;
    private Lazy<Task> _created;

    public StorageDeletionQueue(QueueStorageAccount account, IOptions<MediaDeletionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(options);
        _work = account.GetQueue(options.Value.Queue);
        _failed = account.GetQueue(options.Value.FailedQueue);
        _created = new Lazy<Task>(CreateQueuesAsync);
    }

    public async Task EnqueueAsync(DeletionMessage message, TimeSpan visibilityDelay, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await EnsureCreatedAsync();
        await _work.SendAsync(message.ToJson(), visibilityDelay, cancellationToken: cancellationToken);
    }

    public async Task WriteFailedAsync(FailedDeletion failure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failure);
        await EnsureCreatedAsync();
        await _failed.SendAsync(failure.ToJson(), cancellationToken: cancellationToken);
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
