// Longer than 250 lines: one message's whole outcome table (docs/architecture.md, "Queue"), read top to bottom.
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WhatsAppMedia.Core.Batches;
using WhatsAppMedia.Core.Hosting;
using WhatsAppMedia.Core.Pacing;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.Core.Deletions;

/// <summary>
/// Processes one queue message per the outcome table of docs/formats.md, "Queue message". Returns normally when the message is finished
/// with — deleted, not found, deferred as a new message, or written to <c>{queue}-failed</c> — and throws
/// <see cref="DeliveryFailedException"/> when the delivery must fail so the queue retries it.
/// </summary>
public sealed partial class DeletionMessageProcessor
{
    private readonly MediaDeletionOptions _options;
    private readonly ITenantStore _tenants;
    private readonly ProviderClient _client;
    private readonly TenantMediaDeleter _deleter;
    private readonly IDeletionQueue _queue;
    private readonly QueueHostSettings _queueSettings;
    private readonly TimeProvider _timeProvider;
    private readonly BatchProgress _batches;
    private readonly ILogger<DeletionMessageProcessor> _logger;
    private readonly TenantPacer? _pacer;
    private readonly DeletionMetrics? _metrics;

    // Internal: it takes Core's internal services, so the hosts get it from AddMediaDeletionServices (docs/architecture.md, "Projects").
    internal DeletionMessageProcessor(
        ITenantStore tenants,
        ProviderClient client,
        TenantMediaDeleter deleter,
        IDeletionQueue queue,
        IOptions<MediaDeletionOptions> options,
        QueueHostSettings queueSettings,
        TimeProvider timeProvider,
        BatchProgress batches,
        ILogger<DeletionMessageProcessor> logger,
        TenantPacer? pacer = null,
        DeletionMetrics? metrics = null)
    {
        _tenants = tenants;
        _client = client;
        _deleter = deleter;
        _queue = queue;
        _options = options.Value;
        _queueSettings = queueSettings;
        _timeProvider = timeProvider;
        _batches = batches;
        _logger = logger;
        _pacer = pacer;
        _metrics = metrics;
    }

    /// <summary>Due times closer than this are one time: table storage keeps a little less precision than ISO 8601 can say.</summary>
    private static readonly TimeSpan SameDueTime = TimeSpan.FromMilliseconds(1);

    /// <summary>How long a message of an unfinished reschedule keeps waiting for its item's write (docs/scheduling.md).</summary>
    private static readonly TimeSpan RescheduleLanding = TimeSpan.FromMinutes(1);

    /// <summary>How soon such a message looks again.</summary>
    private static readonly TimeSpan RescheduleRecheck = TimeSpan.FromSeconds(10);

    /// <summary>How long a cancelled last delivery may take to queue its message again; the host is shutting down.</summary>
    internal static readonly TimeSpan HandBackTimeout = TimeSpan.FromSeconds(5);

    /// <param name="messageText">The message text, already decoded per <c>messageEncoding</c>.</param>
    /// <param name="dequeueCount">How many times the queue has delivered this message, this delivery included.</param>
    /// <param name="cancellationToken">Cancels processing; the message then becomes visible again by itself.</param>
    public async Task ProcessAsync(string messageText, long dequeueCount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        try
        {
            await ProcessDeliveryAsync(messageText, dequeueCount, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException
            && _batches.IsLastDelivery(dequeueCount)
            && DeletionMessage.TryParse(messageText, out var message, out _))
        {
            // The trigger moves the message to -poison when this delivery fails: say so in its batch first (docs/architecture.md, "Queue").
            await _batches.RecordPoisonedAsync(message, exception, cancellationToken);
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested
            && _batches.IsLastDelivery(dequeueCount)
            && DeletionMessage.TryParse(messageText, out var message, out _))
        {
            // Shutdown or scale-in cancelled the last delivery. The trigger poisons a failed last delivery whatever the
            // cause, and its batch item would stay pending for ever: hand the item back as a fresh message and complete
            // this one instead (docs/formats.md, "Queue message"). Only when that fails does the delivery fail as before.
            if (!await HandBackAsync(message, dequeueCount))
            {
                throw;
            }
        }
    }

    /// <summary>Queues <paramref name="message"/> again unchanged, on a token of its own: the invocation's is already cancelled.</summary>
    private async Task<bool> HandBackAsync(DeletionMessage message, long dequeueCount)
    {
        using var timeout = new CancellationTokenSource(HandBackTimeout, _timeProvider);
        var delay = (message.NotBefore ?? message.DeleteAt) is { } slot && slot > _timeProvider.GetUtcNow() ? slot - _timeProvider.GetUtcNow() : TimeSpan.Zero;
        try
        {
            await _queue.EnqueueAsync(message, delay, timeout.Token);
            LogHandedBack(message.TenantId, message.MediaId, dequeueCount);
            return true;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogHandBackFailed(exception, message.TenantId, message.MediaId);
            return false;
        }
    }

    private async Task ProcessDeliveryAsync(string messageText, long dequeueCount, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        if (!DeletionMessage.TryRead(messageText, out var message, out var refusal))
        {
            await FailAsync(messageText, refusal.Code, refusal.Message, cancellationToken);
            return;
        }

        if (!TenantIds.IsValid(message.TenantId))
        {
            await FailAsync(messageText, ErrorCodes.InvalidTenantId, "The tenant id does not match the contract's format.", cancellationToken, message);
            return;
        }

        // Scheduled (docs/scheduling.md, "The sweep"): shown before its time (a delay past the queue's 7-day limit was
        // capped), it waits again. Otherwise its item decides (docs/scheduling.md, "Cancel and reschedule").
        if (message.DeleteAt is { } deleteAt)
        {
            var early = deleteAt - _timeProvider.GetUtcNow();
            if (early > PacingDefaults.SlotTolerance)
            {
                await _queue.EnqueueAsync(message, early, cancellationToken);
                LogNotDueYet(message.TenantId, message.MediaId, deleteAt);
                return;
            }

            if (await ScheduledItemSaysSkipAsync(message, deleteAt, cancellationToken))
            {
                return;
            }
        }

        var lookup = await _tenants.GetAsync(message.TenantId, cancellationToken);
        switch (lookup.Status)
        {
            case TenantLookupStatus.NotFound:
                await FailAsync(messageText, ErrorCodes.UnknownTenant, "No such tenant.", cancellationToken, message);
                return;
            case TenantLookupStatus.Invalid:
                await FailAsync(messageText, ErrorCodes.TenantMisconfigured, $"The tenant document is unusable: {lookup.Error}.", cancellationToken, message);
                return;
            case TenantLookupStatus.Disabled:
                // Enabling the secret again and redriving -failed brings the item back; retrying meanwhile cannot help.
                await FailAsync(messageText, ErrorCodes.TenantDisabled, "The tenant's secret is disabled in the tenant store.", cancellationToken, message);
                return;
            case TenantLookupStatus.Refused:
                await FailAsync(messageText, ErrorCodes.TenantMisconfigured, lookup.Detail ?? "The service may not read the tenant's document.", cancellationToken, message);
                return;
            case TenantLookupStatus.Unavailable:
                throw new DeliveryFailedException(ErrorCodes.CredentialsUnavailable, lookup.Detail ?? "The tenant store is unavailable.");
        }

        var tenant = lookup.Tenant!;
        if (!_client.TryResolve(tenant, message.MediaId, message.Phone, out var target, out var invalid))
        {
            await FailAsync(messageText, invalid.Code, invalid.Message, cancellationToken, message, tenant.Provider);
            return;
        }

        DeletionResult result;
        // Why a call held back by the budget before its first attempt is queued again: its own retries found no slot,
        // unless the message had already lost its slot (late, or the provider paused the tenant over it).
        var heldBackReason = RescheduleReason.RateLimited;
        if (_pacer?.RateFor(tenant) is null)
        {
            result = await _deleter.DeleteAsync(tenant, target, cancellationToken);
        }
        else
        {
            var now = _timeProvider.GetUtcNow();
            if (message.NotBefore is { } due)
            {
                _metrics?.RecordSlotLateness(now - due);
                if (due - now > PacingDefaults.SlotTolerance)
                {
                    // Shown before its slot (a delay past the queue's 7-day limit was capped): wait for the rest, holding the slot.
                    await _queue.EnqueueAsync(message, due - now, cancellationToken);
                    LogWaiting(message.TenantId, message.MediaId, due);
                    return;
                }
            }

            // A message keeps its slot only when it is on time and the provider has not paused the tenant since; otherwise
            // it takes a new one, so no request goes out more than a second from a slot of its own (docs/pacing.md).
            var pausedUntil = await _pacer.PausedUntilAsync(tenant, cancellationToken);
            var heldSlot = message.NotBefore is { } slot && now - slot <= PacingDefaults.SlotTolerance && pausedUntil <= slot ? slot : (DateTimeOffset?)null;
            if (heldSlot is null && message.NotBefore is { } missed)
            {
                heldBackReason = now - missed > PacingDefaults.SlotTolerance ? RescheduleReason.Late : RescheduleReason.Paused;
            }

            if (heldSlot is null && pausedUntil - now > PacingDefaults.SlotTolerance)
            {
                await RescheduleAsync(message, tenant, message.Attempt, heldBackReason, cancellationToken);
                return;
            }

            result = await _deleter.DeleteAsync(tenant, target, heldSlot, PacingDefaults.SlotTolerance, cancellationToken);
        }

        LogOutcome(tenant.Id, tenant.Provider, message.MediaId, OutcomeCodes.Name(result.Outcome), result.Attempts, (long)_timeProvider.GetElapsedTime(started).TotalMilliseconds, dequeueCount, message.Attempt);
        // What becomes of the message is the code's row of the one table (docs/architecture.md, "Queue").
        var code = OutcomeCodes.For(result.Outcome);
        switch (code is null ? QueueFate.Settled : ErrorTable.For(code).OnQueue)
        {
            case QueueFate.Settled:
                await _batches.RecordAsync(
                    message, result.Outcome == ProviderOutcome.Deleted ? BatchItemState.Deleted : BatchItemState.NotFound, null, null, tenant.Provider, result, cancellationToken);
                return;
            case QueueFate.Deferred when result.Outcome == ProviderOutcome.RateLimited:
                // Held back by the budget, nothing sent: not a refusal, so the attempt count stays.
                await RescheduleAsync(message, tenant, message.Attempt, result.Attempts == 0 ? heldBackReason : RescheduleReason.RateLimited, cancellationToken);
                return;
            case QueueFate.Deferred:
                await DeferAsync(messageText, message, tenant, result, cancellationToken);
                return;
            case QueueFate.Retried:
                throw new DeliveryFailedException(code!, result.Answer.Describe());
            default:
                await FailAsync(messageText, code!, result.Answer.Describe(), cancellationToken, message, tenant.Provider, result);
                return;
        }
    }

    /// <summary>
    /// Whether a due scheduled message must not be sent: its item is settled or cancelled (a second copy from a sweep
    /// that took over a dead claimant's row, or a cancel), or it waits for another time. A message due before its item's
    /// time is either the old message of an item moved later or the new message of a reschedule to an earlier time
    /// whose item write has not landed yet: it looks again a little later, for a while, then gives way to the item's own
    /// time. One due after it belongs to an item moved earlier, whose new message serves it.
    /// </summary>
    private async Task<bool> ScheduledItemSaysSkipAsync(DeletionMessage message, DateTimeOffset deleteAt, CancellationToken cancellationToken)
    {
        if (await _batches.ItemOfAsync(message, cancellationToken) is not { } item)
        {
            return false;
        }

        if (item.State != BatchItemState.Pending)
        {
            LogNotSent(message.TenantId, message.MediaId, message.BatchId!, BatchItemStates.Name(item.State));
            return true;
        }

        if (item.DueAt is not { } itemDue || (deleteAt - itemDue).Duration() <= SameDueTime)
        {
            return false;
        }

        if (deleteAt < itemDue && _timeProvider.GetUtcNow() - deleteAt < RescheduleLanding)
        {
            await _queue.EnqueueAsync(message, RescheduleRecheck, cancellationToken);
            return true;
        }

        LogNotSent(message.TenantId, message.MediaId, message.BatchId!, $"moved to {itemDue:o}");
        return true;
    }

    private async Task DeferAsync(string messageText, DeletionMessage message, Tenant tenant, DeletionResult result, CancellationToken cancellationToken)
    {
        if (message.Attempt >= _options.MaxThrottleRetries)
        {
            await FailAsync(
                messageText,
                ErrorCodes.ProviderThrottled,
                $"Still throttled after {message.Attempt} deferrals (MediaDeletion:MaxThrottleRetries): {result.Answer.Describe()}",
                cancellationToken,
                message,
                tenant.Provider,
                result);
            return;
        }

        // Re-serialised, a message can outgrow the one it came from (JSON escaping of long optional fields): one that
        // no longer fits the queue could never be deferred, and failing the delivery would only end in -poison.
        var deferred = message with { Attempt = message.Attempt + 1 };
        if (!QueueMessageSize.Fits(deferred.ToJson(), _queueSettings.MessageEncoding))
        {
            await FailAsync(
                messageText,
                ErrorCodes.ProviderThrottled,
                $"Throttled, and the deferred message would exceed the queue's {QueueMessageSize.MaxStoredBytes}-byte limit once serialised: {result.Answer.Describe()}",
                cancellationToken,
                message,
                tenant.Provider,
                result);
            return;
        }

        if (_pacer?.RateFor(tenant) is not null)
        {
            // Paced: the refusal already paused the tenant's shared schedule; the retry takes a slot after that pause.
            await RescheduleAsync(message, tenant, message.Attempt + 1, RescheduleReason.Throttled, cancellationToken);
            return;
        }

        var delay = ThrottleDelay(message.Attempt, result.RetryAfter);
        await _queue.EnqueueAsync(deferred, delay, cancellationToken);
        LogDeferred(message.TenantId, message.MediaId, message.Attempt + 1, delay);
    }

    /// <summary>Queues the message again on a new slot of the tenant's budget, visible when that slot comes.</summary>
    private async Task RescheduleAsync(DeletionMessage message, Tenant tenant, int attempt, RescheduleReason reason, CancellationToken cancellationToken)
    {
        var reservation = await _pacer!.ScheduleAsync(tenant, 1, cancellationToken);
        var slot = reservation!.FirstSlot;
        var delay = slot - _timeProvider.GetUtcNow();
        await _batches.RescheduledAsync(message, slot, cancellationToken);
        await _queue.EnqueueAsync(message with { Attempt = attempt, NotBefore = slot }, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, cancellationToken);
        _metrics?.RecordReschedule(reason);
        LogRescheduled(message.TenantId, message.MediaId, RescheduleReasons.Describe(reason), attempt, slot);
    }

    /// <summary>The provider's own delay when it named one, else a doubling default; never past the cap.</summary>
    private TimeSpan ThrottleDelay(int attempt, TimeSpan? retryAfter)
    {
        var delay = retryAfter ?? _options.DefaultThrottleDelay * Math.Pow(2, Math.Min(attempt, 16));
        return delay > _options.MaxThrottleDelay ? _options.MaxThrottleDelay : delay;
    }

    /// <param name="message">The parsed message, when it parsed: its batch item is recorded as failed before the entry is written.</param>
    /// <param name="provider">The tenant's provider, when the tenant was read; for the receipt.</param>
    /// <param name="result">The provider's answer, when it was called; for the receipt.</param>
    private async Task FailAsync(
        string messageText, string code, string detail, CancellationToken cancellationToken, DeletionMessage? message = null, string? provider = null, DeletionResult? result = null)
    {
        if (message is not null)
        {
            await _batches.RecordAsync(message, BatchItemState.Failed, code, detail, provider, result, cancellationToken);
        }

        // Fitted to the queue's size limit here, so writing it cannot fail for its size and waste the delivery.
        var entry = FailedEntryFitter.Fit(new FailedDeletion(messageText, code, detail, _timeProvider.GetUtcNow()), _queueSettings.MessageEncoding);
        await _queue.WriteFailedAsync(entry, cancellationToken);
        LogFailed(code, entry.MessageTruncated, detail);
    }

    /// <summary>The one Information line of a delivery that called the provider (docs/logging.md).</summary>
    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} ({Provider}) media {MediaId}: delete {Outcome} after {Attempts} attempt(s) in {ElapsedMilliseconds} ms; delivery {DequeueCount}, deferral {Deferral}.")]
    private partial void LogOutcome(string tenantId, string provider, string mediaId, string outcome, int attempts, long elapsedMilliseconds, long dequeueCount, int deferral);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} media {MediaId}: throttled; deferred as attempt {Attempt}, visible in {Delay}.")]
    private partial void LogDeferred(string tenantId, string mediaId, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} media {MediaId}: {Reason}; queued again as attempt {Attempt} on the tenant's slot at {Slot:o}.")]
    private partial void LogRescheduled(string tenantId, string mediaId, string reason, int attempt, DateTimeOffset slot);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} media {MediaId}: shown before its slot; waiting again until {Slot:o}.")]
    private partial void LogWaiting(string tenantId, string mediaId, DateTimeOffset slot);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} media {MediaId}: scheduled for {DeleteAt:o}; waiting again until then.")]
    private partial void LogNotDueYet(string tenantId, string mediaId, DateTimeOffset deleteAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} media {MediaId}: its item in batch {BatchId} is {Item}; this scheduled message is dropped without a provider call.")]
    private partial void LogNotSent(string tenantId, string mediaId, string batchId, string item);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} media {MediaId}: delivery {DequeueCount}, the last, was cancelled (host stopping); queued again as a new message rather than poisoned.")]
    private partial void LogHandedBack(string tenantId, string mediaId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Tenant {TenantId} media {MediaId}: the cancelled last delivery could not be queued again; the trigger moves it to the poison queue.")]
    private partial void LogHandBackFailed(Exception exception, string tenantId, string mediaId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message written to the failed queue (message truncated to fit: {MessageTruncated}): {Code}: {Detail}")]
    private partial void LogFailed(string code, bool messageTruncated, string detail);
}
