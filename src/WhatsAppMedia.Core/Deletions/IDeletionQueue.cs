namespace WhatsAppMedia.Core.Deletions;

/// <summary>Where deletions are queued and where permanent failures are written (docs/formats.md, "Queue message").</summary>
internal interface IDeletionQueue
{
    /// <summary>Sends <paramref name="message"/> to the work queue, invisible for <paramref name="visibilityDelay"/>.</summary>
    Task EnqueueAsync(DeletionMessage message, TimeSpan visibilityDelay, CancellationToken cancellationToken = default);

    /// <summary>Writes a permanent failure to <c>{queue}-failed</c>.</summary>
    Task WriteFailedAsync(FailedDeletion failure, CancellationToken cancellationToken = default);
}
