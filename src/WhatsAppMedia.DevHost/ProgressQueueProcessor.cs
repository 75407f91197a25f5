using Azure.Storage.Queues.Models;
using Microsoft.Azure.WebJobs.Host.Executors;
using Microsoft.Azure.WebJobs.Host.Queues;

namespace WhatsAppMedia.DevHost;

/// <summary>
/// The engine's own <see cref="QueueProcessor"/> (delete on success, release after <c>visibilityTimeout</c>, poison at
/// <c>maxDequeueCount</c>), plus two things the local host needs: progress signals once the engine has finished with a
/// delivery, and, past the shutdown deadline, an abandoned delivery made visible again at once rather than after
/// <c>visibilityTimeout</c> or, when the engine's shutdown token is already cancelled, after its 10-minute lease.
/// </summary>
internal sealed class ProgressQueueProcessor(QueueProcessorOptions options, QueueTriggerProgress progress, QueueTriggerShutdown shutdown)
    : QueueProcessor(options)
{
    private readonly int _maxDequeueCount = options.Options.MaxDequeueCount;

    protected override async Task CompleteProcessingMessageAsync(QueueMessage message, FunctionResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Succeeded && shutdown.IsAbandoning)
        {
            // Not a failed delivery but one the host gave up on: not poisoned, and not left to the cancelled token.
            await ReleaseMessageAsync(message, result, TimeSpan.Zero, CancellationToken.None);
            progress.OnHandled(settled: false);
            return;
        }

        // Past the deadline the engine's token is cancelled: a delivery that completed (one handed back as a new message
        // included) must still be deleted, or it shows again beside its copy when its lease runs out.
        await base.CompleteProcessingMessageAsync(message, result, shutdown.IsAbandoning ? CancellationToken.None : cancellationToken);
        progress.OnHandled(settled: result.Succeeded || message.DequeueCount >= _maxDequeueCount);
    }
}
