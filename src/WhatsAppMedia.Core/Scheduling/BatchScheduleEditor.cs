using WhatsAppMedia.Core.Batches;
using WhatsAppMedia.Core.Deletions;

namespace WhatsAppMedia.Core.Scheduling;

/// <summary>
/// Cancels or reschedules a batch's items that still wait for their <c>deleteAt</c> (docs/scheduling.md, "Cancel and
/// reschedule"). The item rows are the truth: a queue message or schedule row the change leaves behind is dropped by the
/// queue consumer, which checks the item before it calls the provider, so the order of the writes below keeps every
/// crash safe: nothing is lost, nothing sent that was cancelled before its check.
/// </summary>
internal sealed class BatchScheduleEditor(IBatchStore batches, TableScheduleStore schedule, TimeProvider timeProvider, TableDueIndex? dueIndex = null)
{
    /// <summary>Items changed at once.</summary>
    private const int Parallelism = 16;

    /// <summary>Cancels every waiting item; null when there is no such batch for the tenant.</summary>
    public async Task<BatchScheduleChange?> CancelAsync(string tenantId, string batchId, CancellationToken cancellationToken)
    {
        if (await batches.ListScheduledAsync(tenantId, batchId, cancellationToken) is not { } scheduled)
        {
            return null;
        }

        var now = timeProvider.GetUtcNow();
        var cancelled = 0;
        await Parallel.ForEachAsync(
            scheduled.Items,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (item, token) =>
            {
                if (await batches.CancelScheduledAsync(tenantId, batchId, item.Index, now, token))
                {
                    Interlocked.Increment(ref cancelled);
                    // After the item: a row the sweep queues meanwhile carries a message the consumer drops.
                    await schedule.RemoveItemAsync(item.DueAt, batchId, item.Index, token);
                }
            });

        var all = scheduled.Cancelled + cancelled;
        return new BatchScheduleChange(all, scheduled.Total - all, scheduled.Cancelled);
    }

    /// <summary>Moves every waiting item to <paramref name="dueAt"/>; null when there is no such batch for the tenant.</summary>
    public async Task<BatchScheduleChange?> RescheduleAsync(string tenantId, string batchId, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        if (await batches.ListScheduledAsync(tenantId, batchId, cancellationToken) is not { } scheduled)
        {
            return null;
        }

        // The index first, so the dry run and the batch's retention see the new time before any item has it. Then the
        // new rows: until an item's row says the new time, the message of the new row waits for it (a while) and the
        // old message or row still serves; once it says so, the old ones are dropped as moved.
        if (dueIndex is not null && scheduled.Items.Count > 0)
        {
            await dueIndex.WidenAsync(tenantId, batchId, dueAt, dueAt, cancellationToken);
        }

        var messages = scheduled.Items
            .Select(item => new DeletionMessage(tenantId, item.MediaId, item.Phone, batchId, item.RequestId, ItemIndex: item.Index, DeleteAt: dueAt))
            .ToList();
        await schedule.AddAsync(messages, cancellationToken);

        var moved = 0;
        await Parallel.ForEachAsync(
            scheduled.Items,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (item, token) =>
            {
                if (await batches.MoveScheduledAsync(tenantId, batchId, item.Index, item.DueAt, dueAt, token))
                {
                    Interlocked.Increment(ref moved);
                    if (!TableScheduleStore.SameRow(item.DueAt, dueAt))
                    {
                        await schedule.RemoveItemAsync(item.DueAt, batchId, item.Index, token);
                    }
                }
            });

        return new BatchScheduleChange(moved, scheduled.Total - scheduled.Cancelled - moved, scheduled.Cancelled);
    }
}
