using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Http;
using WhatsAppMedia.Core.Pacing;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Scheduling;
using WhatsAppMedia.Core.Tenants;
using WhatsAppMedia.Core.Text;

namespace WhatsAppMedia.Core.Batches;

/// <summary>
/// Submits a parsed bulk deletion for an authenticated tenant (docs/api.md, "Bulk deletions and batches"): checks every
/// item with the tenant's provider and its <c>deleteAt</c>, records the batch's items, reserves a paced tenant's slots
/// for the items due now, writes items due later than <c>Scheduling__EnqueueAhead</c> to the schedule table, then
/// queues one message per other item (docs/scheduling.md). Nothing is queued unless every item is valid and the batch
/// is recorded first, so no message can settle an item its batch does not know.
/// </summary>
internal sealed partial class BatchSubmitter(
    ProviderClient client,
    IDeletionQueue queue,
    IOptions<MediaDeletionOptions> options,
    IBatchStore batches,
    TimeProvider timeProvider,
    ILogger<BatchSubmitter> logger,
    TenantPacer? pacer = null,
    TableScheduleStore? schedule = null,
    IOptions<SchedulingOptions>? scheduling = null,
    TableDueIndex? dueIndex = null)
{
    /// <param name="requestedBy">Who asked, for the receipts (docs/receipts.md): an id of the API key; null: <c>queue</c>.</param>
    public async Task<BatchSubmission> SubmitAsync(Tenant tenant, DeletionBatch batch, string requestId, string? requestedBy, CancellationToken cancellationToken)
    {
        if (Receipts.DeletionReason.Problem(batch.Reason, batch.ReasonIsMalformed, "reason") is { } badReason)
        {
            return BatchSubmission.Invalid(new IdentifierError(ErrorCodes.InvalidRequest, badReason));
        }

        var now = timeProvider.GetUtcNow();
        if (!DeleteAt.TryResolve(batch.DeleteAt, batch.DeleteAtIsMalformed, "deleteAt", now, out var batchDue, out var batchProblem))
        {
            return BatchSubmission.Invalid(new IdentifierError(ErrorCodes.InvalidDeleteAt, batchProblem!));
        }

        var batchId = BatchIds.New();
        var messages = new List<DeletionMessage>(batch.Items.Count);
        var errors = new List<ItemError>();
        var expiredAt = new Dictionary<int, DateTimeOffset>();
        for (var index = 0; index < batch.Items.Count; index++)
        {
            var item = batch.Items[index];
            var phone = item.Phone ?? batch.Phone;
            var invalid = BatchItemCheck.Problem(client, tenant, item.MediaId, phone, item.PhoneIsMalformed, item.NonText);
            if (invalid is not null)
            {
                errors.Add(new ItemError(index, invalid.Code, invalid.Message));
                continue;
            }

            // An item's own deleteAt wins over the batch's, as its phone does.
            var due = batchDue;
            if ((item.DeleteAt is not null || item.DeleteAtIsMalformed)
                && !DeleteAt.TryResolve(item.DeleteAt, item.DeleteAtIsMalformed, $"items[{index}].deleteAt", now, out due, out var problem))
            {
                errors.Add(new ItemError(index, ErrorCodes.InvalidDeleteAt, problem!));
                continue;
            }

            if (Receipts.DeletionReason.Problem(item.Reason, item.ReasonIsMalformed, $"items[{index}].reason") is { } reasonProblem)
            {
                errors.Add(new ItemError(index, ErrorCodes.InvalidRequest, reasonProblem));
                continue;
            }

            messages.Add(new DeletionMessage(
                tenant.Id, item.MediaId!, phone, batchId, requestId, ItemIndex: index, DeleteAt: due, Reason: item.Reason ?? batch.Reason, RequestedBy: requestedBy));
            if (item.ExpiredAtProvider is { } expired)
            {
                expiredAt[messages.Count - 1] = expired;
            }
        }

        if (errors.Count > 0)
        {
            return BatchSubmission.Refused(errors);
        }

        // A paced tenant's items due now take consecutive slots after whatever it already holds, so the queue itself
        // releases them at the tenant's rate across every instance (docs/pacing.md, "The shared schedule"). Items due
        // later take a slot when they are sent. Each item knows its place among the slots before the batch is recorded.
        var dueNow = pacer?.RateFor(tenant) is not null
            ? messages.Select((message, index) => (message, index)).Where(pair => pair.message.DeleteAt is null && !expiredAt.ContainsKey(pair.index)).Select(pair => pair.index).ToList()
            : [];
        var slotOf = dueNow.Select((position, slot) => (position, slot)).ToDictionary(pair => pair.position, pair => pair.slot);

        // Recorded before anything is queued, so no message can settle an item the batch does not know.
        try
        {
            await batches.CreateAsync(
                tenant.Id,
                batchId,
                timeProvider.GetUtcNow(),
                messages.Select((message, position) => new BatchItemSeed(
                    message.ItemIndex!.Value,
                    message.MediaId,
                    slotOf.TryGetValue(position, out var slot) ? slot : null,
                    message.DeleteAt,
                    message.Phone,
                    message.RequestId,
                    expiredAt.TryGetValue(position, out var expired) ? expired : null)).ToList(),
                cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogBatchStateFailure(exception, tenant.Id, batchId);
            return BatchSubmission.Unavailable("The batch could not be recorded, so nothing was queued; sending the batch again is safe.");
        }

        // Items due beyond the queue's reach wait in the schedule table for the sweep (docs/scheduling.md, "The sweep").
        var enqueueAhead = scheduling?.Value.EnqueueAhead ?? PacingDefaults.MaxQueueDelay;
        var waiting = expiredAt.Count == 0 ? messages : messages.Where((_, position) => !expiredAt.ContainsKey(position)).ToList();
        var later = schedule is null ? [] : waiting.Where(message => message.DeleteAt - now > enqueueAhead).ToList();
        var dueTimes = waiting.Where(message => message.DeleteAt is not null).Select(message => message.DeleteAt!.Value).ToList();
        if (later.Count > 0 || (dueIndex is not null && dueTimes.Count > 0))
        {
            try
            {
                // The tenant's index of scheduled batches first (docs/scheduling.md, "Dry run"): it may name a batch with
                // nothing scheduled, never miss one that has.
                if (dueIndex is not null && dueTimes.Count > 0)
                {
                    await dueIndex.WidenAsync(tenant.Id, batchId, dueTimes.Min(), dueTimes.Max(), cancellationToken);
                }

                if (later.Count > 0)
                {
                    await schedule!.AddAsync(later, cancellationToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogBatchStateFailure(exception, tenant.Id, batchId);
                return BatchSubmission.Unavailable("The batch's scheduled items could not be recorded, so nothing was queued; sending the batch again is safe.");
            }
        }

        // Reserved only now, right before queueing: recording a large batch takes a second or more, and slots reserved
        // before it would have passed by the time their messages show, which then all go out at once (docs/pacing.md,
        // "Who reserves when").
        PacingReservation? slots;
        try
        {
            slots = dueNow.Count == 0 ? null : await pacer!.ScheduleAsync(tenant, dueNow.Count, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogBatchStateFailure(exception, tenant.Id, batchId);
            return BatchSubmission.Unavailable("The tenant's request schedule could not be read, so nothing was queued; sending the batch again is safe.");
        }

        if (slots is not null)
        {
            foreach (var (position, slot) in slotOf)
            {
                messages[position] = messages[position] with { NotBefore = slots.SlotAt(slot) };
            }
        }

        var toQueue = later.Count == 0 ? waiting : waiting.Except(later).ToList();
        var queued = 0;
        try
        {
            await Parallel.ForEachAsync(
                toQueue,
                new ParallelOptions { MaxDegreeOfParallelism = options.Value.EnqueueParallelism, CancellationToken = cancellationToken },
                async (message, token) =>
                {
                    var delay = (message.NotBefore ?? message.DeleteAt) is { } at ? at - timeProvider.GetUtcNow() : TimeSpan.Zero;
                    await queue.EnqueueAsync(message, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, token);
                    Interlocked.Increment(ref queued);
                });
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Only sends the queue confirmed are counted; those cancelled or failed in flight may have been stored all
            // the same, so the count is a floor, never more than what was queued.
            var confirmed = Volatile.Read(ref queued);
            LogQueueFailure(exception, tenant.Id, batchId, confirmed, toQueue.Count);
            return BatchSubmission.Unavailable(
                $"The queue failed after at least {confirmed} of {toQueue.Count} items were queued; sending the batch again is safe (deleting twice is harmless).");
        }

        if (slots is not null)
        {
            await RecordSlotsAsync(tenant.Id, batchId, slots, cancellationToken);
        }

        var lastDue = waiting.Max(message => message.DeleteAt);
        DateTimeOffset? completion = (slots?.LastSlot, lastDue) switch
        {
            ({ } slot, { } due) => slot > due ? slot : due,
            var (slot, due) => slot ?? due,
        };
        return BatchSubmission.Queued(batchId, messages.Count, completion, expiredAt.Count);
    }

    /// <summary>
    /// Notes the batch's slots for its status's <c>nextAttemptAt</c>. Its messages are queued by now, so a failure here
    /// costs only that field until the items take slots of their own; the batch is accepted all the same.
    /// </summary>
    private async Task RecordSlotsAsync(string tenantId, string batchId, PacingReservation slots, CancellationToken cancellationToken)
    {
        try
        {
            await batches.RecordSlotsAsync(tenantId, batchId, slots, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogSlotsNotRecorded(exception, tenantId, batchId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Tenant {TenantId}: the state of batch {BatchId} could not be written.")]
    private partial void LogBatchStateFailure(Exception exception, string tenantId, string batchId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {TenantId}: batch {BatchId} is queued, but its slots could not be noted; its status shows no nextAttemptAt until its items take slots of their own.")]
    private partial void LogSlotsNotRecorded(Exception exception, string tenantId, string batchId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Tenant {TenantId}: queueing batch {BatchId} failed after at least {Queued} of {Count} messages.")]
    private partial void LogQueueFailure(Exception exception, string tenantId, string batchId, int queued, int count);
}
