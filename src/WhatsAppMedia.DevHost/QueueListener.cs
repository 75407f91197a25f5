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
/// to <c>{queue}-poison</c> after <c>maxDequeueCount</c> deliveries. On shutdown it takes no new messages and lets the
/// in-flight ones finish until the host's shutdown deadline; past it, it cancels them and makes them visible again at
/// once, and only then reports itself stopped, so no message is left hidden until its lease runs out.
/// </summary>
internal sealed partial class QueueListener(
    QueueStorageAccount account,
    QueueHostSettings settings,
    IOptions<MediaDeletionOptions> options,
    IServiceScopeFactory scopes,
    TimeProvider timeProvider,
    QueueListenerProgress progress,
    ILogger<QueueListener> logger) : BackgroundService
{
    /// <summary>How long a received message stays hidden while it is processed; longer than any provider call's budget.</summary>
    internal static readonly TimeSpan ProcessingLease = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan MinimumPollingInterval = TimeSpan.FromMilliseconds(100);

    private readonly StorageQueue _work = account.GetQueue(options.Value.Queue);
    private readonly StorageQueue _poison = account.GetQueue(options.Value.PoisonQueue);

    /// <summary>Cancelled at the shutdown deadline: in-flight messages then stop and are handed back.</summary>
    private readonly CancellationTokenSource _abandon = new();

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // The base class would stop waiting at the deadline and leave in-flight work running while the host disposes
        // the services it needs; instead the deadline abandons that work, and stopping waits for the hand-back.
        await using (cancellationToken.Register(_abandon.Cancel))
        {
            await base.StopAsync(CancellationToken.None);
        }
    }

    public override void Dispose()
    {
        _abandon.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var inFlight = new HashSet<Task>();
        var idle = MinimumPollingInterval;
        var queuesReady = false;
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

                IReadOnlyList<ReceivedQueueMessage> messages;
                try
                {
                    if (!queuesReady)
                    {
                        await _work.CreateIfNotExistsAsync(stoppingToken);
                        await _poison.CreateIfNotExistsAsync(stoppingToken);
                        queuesReady = true;
                    }

                    // Not cancelled by stopping: messages the service has already handed out must reach the handlers,
                    // which finish them or give them back, instead of staying hidden for the whole lease.
                    messages = await _work.ReceiveAsync(settings.BatchSize, ProcessingLease, _abandon.Token);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Storage unreachable or refusing: the host stays up and tries again at the slowest polling pace,
                    // creating the queues again in case they went (an in-memory Azurite that restarted).
                    queuesReady = false;
                    LogReceiveFailed(exception, settings.MaxPollingInterval);
                    progress.OnReceiveFailed();
                    await Task.Delay(settings.MaxPollingInterval > MinimumPollingInterval ? settings.MaxPollingInterval : MinimumPollingInterval, timeProvider, stoppingToken);
                    continue;
                }

                if (messages.Count == 0)
                {
                    await Task.Delay(idle, timeProvider, stoppingToken);
                    idle = idle * 2 > settings.MaxPollingInterval ? settings.MaxPollingInterval : idle * 2;
                    continue;
                }

                idle = MinimumPollingInterval;
                foreach (var message in messages)
                {
                    inFlight.Add(Task.Run(() => HandleAsync(message, _abandon.Token), CancellationToken.None));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested || _abandon.IsCancellationRequested)
        {
            // Shutting down: fall through and drain.
        }

        LogDraining(inFlight.Count(task => !task.IsCompleted));
        progress.OnDraining();
        await Task.WhenAll(inFlight);
    }

    private async Task HandleAsync(ReceivedQueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await ProcessThenSettleAsync(message, cancellationToken);
        }
        catch (Exception exception)
        {
            // The queue itself failed while the message was being settled or handed back: it stays hidden until its
            // lease ends and is then delivered again, so nothing is lost; the listener must go on either way.
            LogSettleFailed(exception, message.MessageId);
        }
        finally
        {
            progress.OnHandled();
        }
    }

    private async Task ProcessThenSettleAsync(ReceivedQueueMessage message, CancellationToken cancellationToken)
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
            progress.OnSettled();
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested)
        {
            // Abandoned at shutdown, whatever the cancellation surfaced as: not a failure of the message.
            LogHandedBack(message.MessageId, exception.GetType().Name);
            await ReleaseAsync(message, TimeSpan.Zero);
        }
        catch (Exception exception)
        {
            await FailDeliveryAsync(message, exception);
        }
    }

    private async Task FailDeliveryAsync(ReceivedQueueMessage message, Exception exception)
    {
        if (message.DequeueCount >= settings.MaxDequeueCount)
        {
            LogPoisoned(exception, message.MessageId, message.DequeueCount);
            await _poison.SendAsync(message.Text ?? message.RawText, cancellationToken: CancellationToken.None);
            await _work.DeleteAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
            progress.OnSettled();
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not receive from the work queue; trying again in {RetryIn}.")]
    private partial void LogReceiveFailed(Exception exception, TimeSpan retryIn);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue listener stopping; waiting for {Count} in-flight message(s).")]
    private partial void LogDraining(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} abandoned at the shutdown deadline ({Reason}); visible again now.")]
    private partial void LogHandedBack(string messageId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} failed on delivery {DequeueCount}; visible again in {VisibleIn}: {Reason}")]
    private partial void LogDeliveryFailed(string messageId, long dequeueCount, TimeSpan visibleIn, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} failed on delivery {DequeueCount}, the last allowed; moved to the poison queue.")]
    private partial void LogPoisoned(Exception exception, string messageId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not settle message {MessageId}; it is delivered again when its lease ends.")]
    private partial void LogSettleFailed(Exception exception, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not hand message {MessageId} back to the queue.")]
    private partial void LogReleaseFailed(Exception exception, string messageId);
}
