using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Hosting;
using WhatsAppMedia.Core.Queues;

namespace WhatsAppMedia.DevHost;

/// <summary>
/// Processes the work queue as the Functions queue trigger does, per the root <c>host.json</c>: fetches up to
/// <c>batchSize</c> messages, fetches more when in-flight messages drop to <c>newBatchThreshold</c>, backs off up to
/// <c>maxPollingInterval</c> when idle, makes a failed message visible again after <c>visibilityTimeout</c>, and moves it
/// to <c>{queue}-poison</c> after <c>maxDequeueCount</c> deliveries. On shutdown it takes no new messages, lets the
/// in-flight ones finish, and makes any that cannot finish visible again at once.
/// </summary>
internal sealed partial class QueueListener(
    QueueStorageAccount account,
    QueueHostSettings settings,
    IOptions<MediaDeletionOptions> options,
    IServiceScopeFactory scopes,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    QueueListenerProgress progress,
    ILogger<QueueListener> logger) : BackgroundService
{
    /// <summary>How long a received message stays hidden while it is processed; longer than any provider call's budget.</summary>
    internal static readonly TimeSpan ProcessingLease = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan MinimumPollingInterval = TimeSpan.FromMilliseconds(100);

    private readonly StorageQueue _work = account.GetQueue(options.Value.Queue);
    private readonly StorageQueue _poison = account.GetQueue(options.Value.PoisonQueue);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await _work.CreateIfNotExistsAsync(stoppingToken);
        await _poison.CreateIfNotExistsAsync(stoppingToken);

        // In-flight messages get the application's stopping token only once the listener has stopped taking new work:
        // they then either finish or are handed back to the queue.
        using var drain = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopped);
        var inFlight = new HashSet<Task>();
        var idle = MinimumPollingInterval;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                inFlight.RemoveWhere(task => task.IsCompleted);
                if (inFlight.Count > settings.NewBatchThreshold)
                {
                    await Task.WhenAny(inFlight).WaitAsync(stoppingToken);
                    continue;
                }

                var messages = await _work.ReceiveAsync(settings.BatchSize, ProcessingLease, stoppingToken);
                if (messages.Count == 0)
                {
                    await Task.Delay(idle, timeProvider, stoppingToken);
                    idle = idle * 2 > settings.MaxPollingInterval ? settings.MaxPollingInterval : idle * 2;
                    continue;
                }

                idle = MinimumPollingInterval;
                foreach (var message in messages)
                {
                    inFlight.Add(Task.Run(() => HandleAsync(message, drain.Token), CancellationToken.None));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: fall through and drain.
        }

        LogDraining(inFlight.Count(task => !task.IsCompleted));
        await Task.WhenAll(inFlight);
    }

    private async Task HandleAsync(ReceivedQueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var processor = scope.ServiceProvider.GetRequiredService<DeletionMessageProcessor>();
            if (message.Text is null)
            {
                await processor.RejectUndecodableAsync(message.RawText, settings.MessageEncoding.ToString(), cancellationToken);
            }
            else
            {
                await processor.ProcessAsync(message.Text, message.DequeueCount, cancellationToken);
            }

            await _work.DeleteAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await ReleaseAsync(message, TimeSpan.Zero);
        }
        catch (Exception exception)
        {
            await FailDeliveryAsync(message, exception);
        }
        finally
        {
            progress.OnHandled();
        }
    }

    private async Task FailDeliveryAsync(ReceivedQueueMessage message, Exception exception)
    {
        if (message.DequeueCount >= settings.MaxDequeueCount)
        {
            LogPoisoned(exception, message.MessageId, message.DequeueCount);
            await _poison.SendAsync(message.Text ?? message.RawText, cancellationToken: CancellationToken.None);
            await _work.DeleteAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
            return;
        }

        LogDeliveryFailed(message.MessageId, message.DequeueCount, settings.VisibilityTimeout, exception.Message);
        await ReleaseAsync(message, settings.VisibilityTimeout);
    }

    private async Task ReleaseAsync(ReceivedQueueMessage message, TimeSpan visibleIn)
    {
        try
        {
            await _work.UpdateVisibilityAsync(message.MessageId, message.PopReceipt, visibleIn, CancellationToken.None);
        }
        catch (QueueStorageException exception)
        {
            // The lease ran out and someone else holds the message now; it is theirs to finish.
            LogReleaseFailed(exception, message.MessageId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue listener stopping; waiting for {Count} in-flight message(s).")]
    private partial void LogDraining(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} failed on delivery {DequeueCount}; visible again in {VisibleIn}: {Reason}")]
    private partial void LogDeliveryFailed(string messageId, long dequeueCount, TimeSpan visibleIn, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} failed on delivery {DequeueCount}, the last allowed; moved to the poison queue.")]
    private partial void LogPoisoned(Exception exception, string messageId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not hand message {MessageId} back to the queue.")]
    private partial void LogReleaseFailed(Exception exception, string messageId);
}
