using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using WhatsAppMedia.Core.Deletions;

namespace WhatsAppMedia.Functions;

/// <summary>
/// The work-queue trigger: hands each message to <see cref="DeletionMessageProcessor"/>. Returning completes the
/// message; an exception from the processor fails the delivery, so the host makes it visible again after
/// <c>visibilityTimeout</c> and moves it to <c>{queue}-poison</c> after <c>maxDequeueCount</c> (host.json).
/// </summary>
public sealed class MediaDeletionQueueFunction(DeletionMessageProcessor processor)
{
    /// <summary>Processes one deletion message from the queue named by the <c>MediaDeletion__Queue</c> app setting.</summary>
    /// <remarks>
    /// The binding expression uses the colon form: the host resolves <c>%name%</c> against its configuration, where the
    /// app setting <c>MediaDeletion__Queue</c> appears as <c>MediaDeletion:Queue</c>. The host has already decoded the
    /// body according to host.json <c>messageEncoding</c>, so <see cref="QueueMessage.Body"/> is the message's JSON text.
    /// </remarks>
    [Function("ProcessMediaDeletion")]
    public Task ProcessAsync(
        [QueueTrigger("%MediaDeletion:Queue%", Connection = "AzureWebJobsStorage")] QueueMessage message,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return processor.ProcessAsync(message.Body.ToString(), message.DequeueCount, cancellationToken);
    }
}
