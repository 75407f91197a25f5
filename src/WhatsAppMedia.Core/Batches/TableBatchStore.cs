// Longer than 250 lines: one table layout; every read and conditional write of it belongs together.
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using WhatsAppMedia.Core.Pacing;
using WhatsAppMedia.Core.Queues;

namespace WhatsAppMedia.Core.Batches;

/// <summary>
/// <see cref="IBatchStore"/> on Azure Table storage (Azure.Data.Tables), in the account of <c>AzureWebJobsStorage</c>.
/// One partition per batch: a <c>batch</c> row (tenant, creation time, total) and one <c>item-NNNN</c> row per item,
/// so reading a batch is one partition query (at most 1,001 rows) and each outcome is one conditional update of one
/// row. The table is created on first use.
/// </summary>
/// <remarks>
/// Updates are read-then-replace with the row's ETag as If-Match; a concurrent writer makes the service answer 412
/// and the update is re-read and re-decided, so no outcome is lost (Azure.Data.Tables <c>TableClient.UpdateEntityAsync</c>,
/// sdk/tables/Azure.Data.Tables/src/TableClient.cs). Counts are derived from the rows on every read, never kept as
/// counters, so a redelivered message cannot count twice.
/// </remarks>
internal sealed class TableBatchStore : IBatchStore
{
    public const string TableName = "mediadeletionbatches";

    private const string BatchRowKey = "batch";
    private const string ItemRowPrefix = "item-";

    /// <summary>The service's limit on operations in one entity group transaction.</summary>
    private const int TransactionLimit = 100;

    /// <summary>Enough for any realistic contention on one item (a handful of deliveries of one message); then give up loudly.</summary>
    private const int MaxUpdateAttempts = 16;

    private readonly TableClient _table;
    private readonly TableCreation _created;

    public TableBatchStore(TableServiceClient tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.GetTableClient(TableName);
        _created = new TableCreation(_table);
    }

    public Task CreateAsync(string tenantId, string batchId, DateTimeOffset createdAt, IReadOnlyList<BatchItemSeed> items, CancellationToken cancellationToken = default) =>
        WithTableAsync(async () => { await CreateCoreAsync(tenantId, batchId, createdAt, items, cancellationToken); return true; }, cancellationToken);

    public Task<BatchStatus?> GetAsync(string tenantId, string batchId, CancellationToken cancellationToken = default) =>
        WithTableAsync(() => GetCoreAsync(tenantId, batchId, cancellationToken), cancellationToken);

    public Task<int> RemoveCreatedBeforeAsync(DateTimeOffset cutoff, Func<string, string, CancellationToken, Task<bool>>? keep = null, CancellationToken cancellationToken = default) =>
        WithTableAsync(() => RemoveCreatedBeforeCoreAsync(cutoff, keep, cancellationToken), cancellationToken);

    private async Task CreateCoreAsync(string tenantId, string batchId, DateTimeOffset createdAt, IReadOnlyList<BatchItemSeed> items, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(batchId);
        ArgumentNullException.ThrowIfNull(items);
        await _created.EnsureAsync(cancellationToken);

        // Items first, the batch row last: until the batch row exists the batch is 404, never a half-written total.
        // The item transactions are independent of each other (disjoint rows), so they run at once: one round trip of
        // latency instead of ten. WhenAll waits for every one, so none is still running when this fails or returns.
        await Task.WhenAll(items.Chunk(TransactionLimit).Select(chunk => _table.SubmitTransactionAsync(
            chunk.Select(item => new TableTransactionAction(
                TableTransactionActionType.UpsertReplace,
                new TableEntity(batchId, ItemRowKey(item.Index))
                {
                    ["TenantId"] = tenantId,
                    ["Index"] = item.Index,
                    ["MediaId"] = item.MediaId,
                    ["State"] = BatchItemStates.Name(item.ExpiredAtProvider is null ? BatchItemState.Pending : BatchItemState.ExpiredAtProvider),
                    ["At"] = item.ExpiredAtProvider?.ToUniversalTime(),
                    ["Slot"] = item.Slot,
                    ["DueAt"] = item.DueAt?.ToUniversalTime(),
                    ["Phone"] = item.Phone,
                    ["RequestId"] = item.RequestId,
                })),
            cancellationToken)));

        await _table.UpsertEntityAsync(
            new TableEntity(batchId, BatchRowKey) { ["TenantId"] = tenantId, ["CreatedAt"] = createdAt.ToUniversalTime(), ["Total"] = items.Count },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    public Task<bool> RecordSlotsAsync(string tenantId, string batchId, PacingReservation slots, CancellationToken cancellationToken = default) =>
        WithTableAsync(
            async () =>
            {
                ArgumentNullException.ThrowIfNull(slots);
                await _created.EnsureAsync(cancellationToken);
                var read = await _table.GetEntityIfExistsAsync<TableEntity>(batchId, BatchRowKey, cancellationToken: cancellationToken);
                if (!read.HasValue || read.Value!.GetString("TenantId") != tenantId)
                {
                    return false;
                }

                // On the row's ETag: a batch removed by retention meanwhile stays removed instead of coming back as a header alone.
                var row = read.Value;
                row["SlotsFrom"] = slots.FirstSlot.ToUniversalTime();
                row["SlotInterval"] = slots.Interval.Ticks;
                try
                {
                    await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                    return true;
                }
                catch (RequestFailedException failure) when (failure.Status is 404 or 412)
                {
                    return false;
                }
            },
            cancellationToken);

    private async Task<BatchStatus?> GetCoreAsync(string tenantId, string batchId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(batchId);
        await _created.EnsureAsync(cancellationToken);

        TableEntity? batch = null;
        var counts = Enum.GetValues<BatchItemState>().ToDictionary(state => state, _ => 0);
        var failures = new List<BatchFailure>();
        var seen = 0;
        DateTimeOffset? nextAttemptAt = null;
        int? firstPendingSlot = null;
        var dueTimes = new List<DateTimeOffset>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {batchId}"), cancellationToken: cancellationToken))
        {
            if (row.RowKey == BatchRowKey)
            {
                batch = row;
                continue;
            }

            var state = BatchItemStates.Parse(row.GetString("State"));
            counts[state]++;
            seen++;
            // A message that took a new slot noted it on its item; until then the item's slot is the batch's.
            if (state == BatchItemState.Pending && row.GetDateTimeOffset("ScheduledAt") is { } scheduled)
            {
                nextAttemptAt = nextAttemptAt is null || scheduled < nextAttemptAt ? scheduled : nextAttemptAt;
            }
            else if (state == BatchItemState.Pending && row.GetInt32("Slot") is { } slot)
            {
                firstPendingSlot = firstPendingSlot is null || slot < firstPendingSlot ? slot : firstPendingSlot;
            }

            if (state == BatchItemState.Pending && row.GetDateTimeOffset("DueAt") is { } dueAt)
            {
                dueTimes.Add(dueAt);
            }

            if (state is BatchItemState.Failed or BatchItemState.Poisoned)
            {
                failures.Add(new BatchFailure(
                    row.GetInt32("Index") ?? -1, row.GetString("MediaId") ?? string.Empty, state, row.GetString("Code"), row.GetString("Detail"), row.GetDateTimeOffset("At")));
            }
        }

        if (batch is null || batch.GetString("TenantId") != tenantId)
        {
            return null;
        }

        var total = batch.GetInt32("Total") ?? seen;
        if (firstPendingSlot is { } first && batch.GetDateTimeOffset("SlotsFrom") is { } slotsFrom && batch.GetInt64("SlotInterval") is { } interval)
        {
            var slotAt = slotsFrom + TimeSpan.FromTicks(interval * first);
            nextAttemptAt = nextAttemptAt is null || slotAt < nextAttemptAt ? slotAt : nextAttemptAt;
        }

        // Rows the store lost would otherwise vanish from the totals; they are unsettled as far as anyone can tell.
        counts[BatchItemState.Pending] += Math.Max(0, total - seen);
        return new BatchStatus(tenantId, batchId, batch.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue, total, counts, failures.OrderBy(failure => failure.Index).ToList(), nextAttemptAt)
        {
            PendingDueTimes = dueTimes.Order().ToList(),
        };
    }

    public Task<BatchItemRecord?> GetItemAsync(string tenantId, string batchId, int index, CancellationToken cancellationToken = default) =>
        WithTableAsync(
            async () =>
            {
                await _created.EnsureAsync(cancellationToken);
                var read = await _table.GetEntityIfExistsAsync<TableEntity>(batchId, ItemRowKey(index), select: ["TenantId", "State", "DueAt"], cancellationToken: cancellationToken);
                return read.HasValue && read.Value!.GetString("TenantId") == tenantId
                    ? new BatchItemRecord(BatchItemStates.Parse(read.Value.GetString("State")), read.Value.GetDateTimeOffset("DueAt"))
                    : null;
            },
            cancellationToken);

    public Task<ScheduledItems?> ListScheduledAsync(string tenantId, string batchId, CancellationToken cancellationToken = default) =>
        WithTableAsync(
            async () =>
            {
                await _created.EnsureAsync(cancellationToken);
                TableEntity? batch = null;
                var cancelled = 0;
                var items = new List<ScheduledItem>();
                await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {batchId}"), cancellationToken: cancellationToken))
                {
                    if (row.RowKey == BatchRowKey)
                    {
                        batch = row;
                        continue;
                    }

                    var state = BatchItemStates.Parse(row.GetString("State"));
                    cancelled += state == BatchItemState.Cancelled ? 1 : 0;
                    if (state == BatchItemState.Pending && row.GetDateTimeOffset("DueAt") is { } due)
                    {
                        items.Add(new ScheduledItem(row.GetInt32("Index") ?? -1, row.GetString("MediaId") ?? string.Empty, row.GetString("Phone"), row.GetString("RequestId"), due));
                    }
                }

                return batch is null || batch.GetString("TenantId") != tenantId ? null : new ScheduledItems(batch.GetInt32("Total") ?? 0, cancelled, items);
            },
            cancellationToken);

    public Task<bool> CancelScheduledAsync(string tenantId, string batchId, int index, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        WithTableAsync(() => ChangeScheduledAsync(tenantId, batchId, index, expectedDueAt: null, row =>
        {
            row["State"] = BatchItemStates.Name(BatchItemState.Cancelled);
            row["At"] = at.ToUniversalTime();
        }, cancellationToken), cancellationToken);

    public Task<bool> MoveScheduledAsync(string tenantId, string batchId, int index, DateTimeOffset expectedDueAt, DateTimeOffset dueAt, CancellationToken cancellationToken = default) =>
        WithTableAsync(() => ChangeScheduledAsync(tenantId, batchId, index, expectedDueAt, row => row["DueAt"] = dueAt.ToUniversalTime(), cancellationToken), cancellationToken);

    /// <summary>Changes a pending item with a due time (the one expected, when given); false when there is nothing to change.</summary>
    private async Task<bool> ChangeScheduledAsync(
        string tenantId, string batchId, int index, DateTimeOffset? expectedDueAt, Action<TableEntity> change, CancellationToken cancellationToken)
    {
        var changed = false;
        await UpdateRowAsync(tenantId, batchId, index, row =>
        {
            changed = BatchItemStates.Parse(row.GetString("State")) == BatchItemState.Pending
                && row.GetDateTimeOffset("DueAt") is { } due
                && (expectedDueAt is null || due == expectedDueAt);
            if (changed)
            {
                change(row);
            }

            return changed;
        }, cancellationToken);
        return changed;
    }

    public Task<bool> RecordAsync(string tenantId, string batchId, int index, BatchItemOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return WithTableAsync(
            () => UpdateAsync(tenantId, batchId, index, recorded => BatchItemStates.MayReplace(recorded, outcome.State), outcome, cancellationToken), cancellationToken);
    }

    public Task<bool> ResetAsync(string tenantId, string batchId, int index, CancellationToken cancellationToken = default) =>
        WithTableAsync(() => UpdateAsync(tenantId, batchId, index, _ => true, null, cancellationToken), cancellationToken);

    public Task<bool> RescheduleAsync(string tenantId, string batchId, int index, DateTimeOffset scheduledAt, CancellationToken cancellationToken = default) =>
        WithTableAsync(
            () => UpdateRowAsync(tenantId, batchId, index, row =>
            {
                // Only a pending item has a next attempt; a settled one keeps its outcome whatever a late message says.
                if (BatchItemStates.Parse(row.GetString("State")) != BatchItemState.Pending)
                {
                    return false;
                }

                row["ScheduledAt"] = scheduledAt.ToUniversalTime();
                return true;
            }, cancellationToken),
            cancellationToken);

    private async Task<int> RemoveCreatedBeforeCoreAsync(DateTimeOffset cutoff, Func<string, string, CancellationToken, Task<bool>>? keep, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        var old = new List<string>();
        var filter = TableClient.CreateQueryFilter($"RowKey eq {BatchRowKey} and CreatedAt lt {cutoff.ToUniversalTime()}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "TenantId"], cancellationToken: cancellationToken))
        {
            if (keep is null || !await keep(row.GetString("TenantId") ?? string.Empty, row.PartitionKey, cancellationToken))
            {
                old.Add(row.PartitionKey);
            }
        }

        foreach (var batchId in old)
        {
            var rows = new List<TableEntity>();
            await foreach (var row in _table.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {batchId}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                rows.Add(row);
            }

            // The batch row goes last, so a run cut short leaves the batch findable by the next one.
            foreach (var chunk in rows.Where(row => row.RowKey != BatchRowKey).Chunk(TransactionLimit))
            {
                await _table.SubmitTransactionAsync(
                    chunk.Select(row => new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All)), cancellationToken);
            }

            await _table.DeleteEntityAsync(batchId, BatchRowKey, ETag.All, cancellationToken);
        }

        return old.Count;
    }

    private static string ItemRowKey(int index) => ItemRowPrefix + index.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>Read, decide, replace if the row is unchanged since the read; on a lost race, again.</summary>
    private async Task<bool> UpdateAsync(
        string tenantId, string batchId, int index, Func<BatchItemState, bool> mayWrite, BatchItemOutcome? outcome, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(batchId);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return await UpdateRowAsync(tenantId, batchId, index, row =>
        {
            if (!mayWrite(BatchItemStates.Parse(row.GetString("State"))))
            {
                return false;
            }

            row["State"] = BatchItemStates.Name(outcome?.State ?? BatchItemState.Pending);
            row["Code"] = outcome?.Code;
            row["Detail"] = outcome?.Detail;
            row["At"] = outcome?.At.ToUniversalTime();
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Reads the item's row, lets <paramref name="apply"/> change it (false: nothing to write), and writes it back on
    /// the condition that nobody changed it since; a lost race reads again. False when the item is not the tenant's.
    /// </summary>
    private async Task<bool> UpdateRowAsync(string tenantId, string batchId, int index, Func<TableEntity, bool> apply, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var read = await _table.GetEntityIfExistsAsync<TableEntity>(batchId, ItemRowKey(index), cancellationToken: cancellationToken);
            if (!read.HasValue || read.Value!.GetString("TenantId") != tenantId)
            {
                return false;
            }

            var row = read.Value;
            if (!apply(row))
            {
                return true;
            }

            try
            {
                await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException exception) when (exception.Status == 412 && attempt < MaxUpdateAttempts)
            {
                // Another writer got there first: decide again on what it wrote.
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="operation"/>, and once more after re-creating the table when the service says it does not
    /// exist: the table was created by this process earlier, so it has been deleted since (an emptied emulator, an
    /// operator) and remembering it as created would fail every call until a restart.
    /// </summary>
    private Task<T> WithTableAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken) => _created.RunAsync(operation, cancellationToken);
}
