using Microsoft.Azure.WebJobs.Host.Queues;

namespace WhatsAppMedia.DevHost;

/// <summary>Hands the engine a <see cref="ProgressQueueProcessor"/> for each queue it listens to.</summary>
internal sealed class ProgressQueueProcessorFactory(QueueTriggerProgress progress, QueueTriggerShutdown shutdown) : IQueueProcessorFactory
{
    public QueueProcessor Create(QueueProcessorOptions queueProcessorOptions) => new ProgressQueueProcessor(queueProcessorOptions, progress, shutdown);
}
