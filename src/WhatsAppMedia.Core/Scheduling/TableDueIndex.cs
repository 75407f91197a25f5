using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using WhatsAppMedia.Core.Queues;

namespace WhatsAppMedia.Core.Scheduling;

/// <summary>
/// Which of a tenant's batches hold items with a due time, and between which times (table <c>mediadeletionduebytenant</c>,
/// docs/scheduling.md, "Dry run"). One row per tenant and batch: the partition is the tenant, so the dry run finds
/// that tenant's batches with one partition query instead of reading every tenant's schedule; the batch rows stay the
/// truth of each item. The bounds only ever widen, so a row may name a batch with nothing left to send, never miss one.
/// </summary>
internal sealed class TableDueIndex
{
    public const string TableName = "mediadeletionduebytenant";

    /// <summary>Enough for any realistic contention on one row (reschedules of one batch at once); then give up loudly.</summary>
    private const int MaxUpdateAttempts = 16;

    private readonly TableClient _table;
    private readonly TableCreation _created;

    public TableDueIndex(TableServiceClient tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.GetTableClient(TableName);
        _created = new TableCreation(_table);
    }

    /// <summary>Notes that the batch holds items due between the two times (widening what it already notes).</summary>
    public Task WidenAsync(string tenantId, string batchId, DateTimeOffset firstDueAt, DateTimeOffset lastDueAt, CancellationToken cancellationToken) =>
        WithTableAsync(async () => { await WidenCoreAsync(tenantId, batchId, firstDueAt, lastDueAt, cancellationToken); return true; }, cancellationToken);

    private async Task WidenCoreAsync(string tenantId, string batchId, DateTimeOffset firstDueAt, DateTimeOffset lastDueAt, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var read = await _table.GetEntityIfExistsAsync<TableEntity>(tenantId, batchId, cancellationToken: cancellationToken);
            try
            {
                if (!read.HasValue)
                {
                    await _table.AddEntityAsync(
                        new TableEntity(tenantId, batchId) { ["FirstDueAt"] = firstDueAt.ToUniversalTime(), ["LastDueAt"] = lastDueAt.ToUniversalTime() },
                        cancellationToken);
                    return;
                }

                var row = read.Value!;
                var first = row.GetDateTimeOffset("FirstDueAt") is { } knownFirst && knownFirst <= firstDueAt ? knownFirst : firstDueAt;
                var last = row.GetDateTimeOffset("LastDueAt") is { } knownLast && knownLast >= lastDueAt ? knownLast : lastDueAt;
                if (first == row.GetDateTimeOffset("FirstDueAt") && last == row.GetDateTimeOffset("LastDueAt"))
                {
                    return;
                }

                row["FirstDueAt"] = first.ToUniversalTime();
                row["LastDueAt"] = last.ToUniversalTime();
                await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException conflict) when (conflict.Status is 409 or 412 && attempt < MaxUpdateAttempts)
            {
                // Another writer added or changed the row since the read: read it again and widen what it wrote.
            }
        }
    }

    /// <summary>The batches of the tenant noted with items due at or before <paramref name="until"/> and not all before <paramref name="from"/>.</summary>
    public async IAsyncEnumerable<string> BatchesDueAsync(string tenantId, DateTimeOffset from, DateTimeOffset until, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {tenantId} and FirstDueAt le {until.ToUniversalTime()} and LastDueAt ge {from.ToUniversalTime()}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            yield return row.RowKey;
        }
    }

    /// <summary>The latest due time noted for the batch; null when it has none.</summary>
    public Task<DateTimeOffset?> LastDueAtAsync(string tenantId, string batchId, CancellationToken cancellationToken) =>
        WithTableAsync(
            async () =>
            {
                await _created.EnsureAsync(cancellationToken);
                var read = await _table.GetEntityIfExistsAsync<TableEntity>(tenantId, batchId, select: ["LastDueAt"], cancellationToken: cancellationToken);
                return read.HasValue ? read.Value!.GetDateTimeOffset("LastDueAt") : null;
            },
            cancellationToken);

    /// <summary>Removes the rows of batches whose last item was due before <paramref name="cutoff"/>; returns how many.</summary>
    public Task<int> RemoveEndedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        WithTableAsync(
            async () =>
            {
                await _created.EnsureAsync(cancellationToken);
                var removed = 0;
                var filter = TableClient.CreateQueryFilter($"LastDueAt lt {cutoff.ToUniversalTime()}");
                await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
                {
                    // The row's own ETag: a reschedule that widened it meanwhile keeps it.
                    try
                    {
                        await _table.DeleteEntityAsync(row, row.ETag, cancellationToken);
                        removed++;
                    }
                    catch (RequestFailedException gone) when (gone.Status is 404 or 412)
                    {
                    }
                }

                return removed;
            },
            cancellationToken);

    private Task<T> WithTableAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken) => _created.RunAsync(operation, cancellationToken);
}
