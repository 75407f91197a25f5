using Azure.Storage.Queues.Models;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppMedia.Core.Deletions;

namespace WhatsAppMedia.DevHost;

/// <summary>
/// The work-queue trigger, as the Functions app declares it: the WebJobs Storage Queues extension receives, decodes
/// (host.json <c>messageEncoding</c>), retries, poisons and deletes; this hands the message text and its dequeue count
/// to <see cref="DeletionMessageProcessor"/>. Returning completes the message; an exception fails the delivery.
/// </summary>
public sealed class MediaDeletionTrigger
{
    private readonly IServiceScopeFactory _scopes;
    private readonly QueueTriggerShutdown _shutdown;

    internal MediaDeletionTrigger(IServiceScopeFactory scopes, QueueTriggerShutdown shutdown)
    {
        _scopes = scopes;
        _shutdown = shutdown;
    }

    /// <param name="message">The received message; its body is already decoded.</param>
    /// <param name="cancellationToken">The engine's: cancelled when it stops without draining.</param>
    [FunctionName("ProcessMediaDeletion")]
    public async Task ProcessAsync([QueueTrigger("%MediaDeletion:Queue%")] QueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);

        // The engine does not cancel a draining delivery at the host's shutdown deadline; the local host does.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _shutdown.Abandoned);
        await using var scope = _scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeletionMessageProcessor>().ProcessAsync(message.Body.ToString(), message.DequeueCount, linked.Token);
    }
}
