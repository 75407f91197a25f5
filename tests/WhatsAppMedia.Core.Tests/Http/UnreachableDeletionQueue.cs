using WhatsAppMedia.Core.Deletions;

namespace WhatsAppMedia.Core.Tests.Http;

/// <summary>A queue for tests whose requests must be answered before anything is queued; reaching it fails the test.</summary>
internal sealed class UnreachableDeletionQueue : IDeletionQueue
{
    public Task EnqueueAsync(DeletionMessage message, TimeSpan visibilityDelay, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("This request must be answered before anything is queued.");

    public Task WriteFailedAsync(FailedDeletion failure, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("This request must be answered before anything is written to the failed queue.");
}
