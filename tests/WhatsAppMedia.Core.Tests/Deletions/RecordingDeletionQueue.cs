using WhatsAppMedia.Core.Deletions;

namespace WhatsAppMedia.Core.Tests.Deletions;

/// <summary>A work queue that records what is queued (with its delay) and written to <c>-failed</c>.</summary>
internal sealed class RecordingDeletionQueue : IDeletionQueue
{
    public List<(DeletionMessage Message, TimeSpan Delay)> Enqueued { get; } = [];

    public List<FailedDeletion> Failed { get; } = [];

    public bool RefuseEnqueue { get; set; }

    public Task EnqueueAsync(DeletionMessage message, TimeSpan visibilityDelay, CancellationToken cancellationToken = default)
    {
        if (RefuseEnqueue)
        {
            throw new IOException("queue unreachable");
        }

        Enqueued.Add((message, visibilityDelay));
        return Task.CompletedTask;
    }

    public Task WriteFailedAsync(FailedDeletion failure, CancellationToken cancellationToken = default)
    {
        Failed.Add(failure);
        return Task.CompletedTask;
    }
}
