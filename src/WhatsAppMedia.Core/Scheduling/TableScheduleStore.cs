using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Queues;

namespace WhatsAppMedia.Core.Scheduling;

/// <summary>
/// Scheduled deletions not yet on the work queue, in Azure Table storage (table <c>mediadeletionschedule</c>, in the
/// <c>AzureWebJobsStorage</c> account; docs/scheduling.md, "The schedule table"). The partition is the due minute
/// (<c>yyyyMMddHHmm</c>), so a sweep reads only what is due with one range query; the row key is the batch item, so
/// writing an item twice leaves one row. Claims and removals are ETag-conditional: two sweeps never both take a row.
/// </summary>
internal sealed class TableScheduleStore
{
    public const string TableName = "mediadeletionschedule";

    /// <summary>The service's limit on operations in one entity group transaction (all in one partition).</summary>
    private const int TransactionLimit = 100;

    /// <summary>Single claims lost in a row after which a chunk is taken to be another instance's.</summary>
    private const int MaxLostClaimsInARow = 3;

    private readonly TableClient _table;
    private readonly TableCreation _created;

    public TableScheduleStore(TableServiceClient tables)
        : this(tables, TableName)
    {
    }

    /// <summary>On a table of another name: tests keep their schedules apart this way.</summary>
    internal TableScheduleStore(TableServiceClient tables, string tableName)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.GetTableClient(tableName);
        _created = new TableCreation(_table);
    }

    /// <summary>Writes every deletion (each must carry a batch id, an item index and a due time); one already written stays one row.</summary>
    public async Task AddAsync(IReadOnlyList<DeletionMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        await _created.EnsureAsync(cancellationToken);
        var transactions = messages
            .GroupBy(message => PartitionKey(message.DeleteAt ?? throw new ArgumentException("Every scheduled message has a due time.", nameof(messages))))
            .SelectMany(partition => partition.Chunk(TransactionLimit))
            .Select(chunk => _table.SubmitTransactionAsync(
                chunk.Select(message => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToRow(message))), cancellationToken));
        await Task.WhenAll(transactions);
    }

    /// <summary>Every deletion due at or before <paramref name="until"/>, claimed or not, earliest partitions first.</summary>
    public async IAsyncEnumerable<ScheduledDeletion> ListDueAsync(DateTimeOffset until, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey le {PartitionKey(until)} and DueAt le {until.ToUniversalTime()}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return FromRow(row);
        }
    }

    /// <summary>
    /// Takes the row until <paramref name="claimUntil"/> if nobody changed it since it was read; the claimed row (with
    /// its new version), or null when another instance got there first or it is gone.
    /// </summary>
    public async Task<ScheduledDeletion?> TryClaimAsync(ScheduledDeletion deletion, DateTimeOffset claimUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deletion);
        var row = ToRow(deletion.Message);
        row["ClaimedUntil"] = claimUntil.ToUniversalTime();
        try
        {
            var response = await _table.UpdateEntityAsync(row, deletion.ETag, TableUpdateMode.Replace, cancellationToken);
            return deletion with { ClaimedUntil = claimUntil, ETag = response.Headers.ETag ?? default };
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            return null;
        }
    }

    /// <summary>
    /// Claims up to 100 rows of one partition in one entity group transaction, each on its own ETag: all or none. When
    /// another instance changed any of them, claims them one by one instead, so only the free ones are taken.
    /// </summary>
    public async Task<IReadOnlyList<ScheduledDeletion>> TryClaimAllAsync(IReadOnlyList<ScheduledDeletion> deletions, DateTimeOffset claimUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deletions);
        if (deletions.Count <= 1 || deletions.Count > TransactionLimit || deletions.Select(deletion => PartitionKey(deletion.DueAt)).Distinct().Count() != 1)
        {
            return await ClaimEachAsync(deletions, claimUntil, cancellationToken);
        }

        var rows = deletions.Select(deletion =>
        {
            var row = ToRow(deletion.Message);
            row["ClaimedUntil"] = claimUntil.ToUniversalTime();
            return new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, deletion.ETag);
        }).ToList();
        try
        {
            var answers = (await _table.SubmitTransactionAsync(rows, cancellationToken)).Value;
            return [.. deletions.Select((deletion, index) => deletion with { ClaimedUntil = claimUntil, ETag = answers[index].Headers.ETag ?? default })];
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 404 or 412)
        {
            return await ClaimEachAsync(deletions, claimUntil, cancellationToken);
        }
    }

    /// <summary>Removes up to 100 claimed rows of one partition in one transaction; when any was taken over meanwhile, one by one.</summary>
    public async Task RemoveAllAsync(IReadOnlyList<ScheduledDeletion> claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        if (claimed.Count > 1 && claimed.Count <= TransactionLimit && claimed.Select(deletion => PartitionKey(deletion.DueAt)).Distinct().Count() == 1)
        {
            try
            {
                await _table.SubmitTransactionAsync(
                    claimed.Select(deletion => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(PartitionKey(deletion.DueAt), RowKey(deletion.Message)), deletion.ETag)),
                    cancellationToken);
                return;
            }
            catch (TableTransactionFailedException exception) when (exception.Status is 404 or 412)
            {
                // One was taken over after this claim expired; remove the others one by one.
            }
        }

        foreach (var deletion in claimed)
        {
            await RemoveAsync(deletion, cancellationToken);
        }
    }

    /// <summary>
    /// Claims the rows one by one. After <see cref="MaxLostClaimsInARow"/> lost in a row another instance holds the
    /// chunk: the rest is left, and any row of it nobody took is claimed by the next sweep.
    /// </summary>
    private async Task<IReadOnlyList<ScheduledDeletion>> ClaimEachAsync(IReadOnlyList<ScheduledDeletion> deletions, DateTimeOffset claimUntil, CancellationToken cancellationToken)
    {
        var claimed = new List<ScheduledDeletion>();
        var lostInARow = 0;
        foreach (var deletion in deletions)
        {
            if (await TryClaimAsync(deletion, claimUntil, cancellationToken) is { } mine)
            {
                claimed.Add(mine);
                lostInARow = 0;
            }
            else if (++lostInARow == MaxLostClaimsInARow)
            {
                break;
            }
        }

        return claimed;
    }

    /// <summary>Removes a row this instance claimed (its message is on the queue); one already gone or taken over is left.</summary>
    public async Task RemoveAsync(ScheduledDeletion claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        try
        {
            await _table.DeleteEntityAsync(PartitionKey(claimed.DueAt), RowKey(claimed.Message), claimed.ETag, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            // Another sweep took the row over after this claim expired, and queues it itself.
        }
    }

    /// <summary>Removes the row of a batch item due at <paramref name="dueAt"/>, whoever holds it; one already gone is fine.</summary>
    public async Task RemoveItemAsync(DateTimeOffset dueAt, string batchId, int index, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteEntityAsync(PartitionKey(dueAt), RowKey(new DeletionMessage(string.Empty, string.Empty, BatchId: batchId, ItemIndex: index)), ETag.All, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // Queued already (a sweep got it first) or never written: its message is dropped by the item's state.
        }
    }

    /// <summary>Whether two due times share a row key's partition, so that writing one replaces the other's row.</summary>
    public static bool SameRow(DateTimeOffset first, DateTimeOffset second) => PartitionKey(first) == PartitionKey(second);

    private static string PartitionKey(DateTimeOffset dueAt) => dueAt.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    private static string RowKey(DeletionMessage message) =>
        string.Create(CultureInfo.InvariantCulture, $"{message.BatchId ?? throw new ArgumentException("A scheduled message belongs to a batch.", nameof(message))}-{message.ItemIndex ?? throw new ArgumentException("A scheduled message has an item index.", nameof(message)):D4}");

    private static TableEntity ToRow(DeletionMessage message) => new(PartitionKey(message.DeleteAt!.Value), RowKey(message))
    {
        ["TenantId"] = message.TenantId,
        ["MediaId"] = message.MediaId,
        ["Phone"] = message.Phone,
        ["BatchId"] = message.BatchId,
        ["ItemIndex"] = message.ItemIndex,
        ["RequestId"] = message.RequestId,
        ["DueAt"] = message.DeleteAt!.Value.ToUniversalTime(),
        // For the item's receipt (docs/receipts.md): who asked and why travel with the deletion until it is sent.
        ["Reason"] = message.Reason,
        ["RequestedBy"] = message.RequestedBy,
    };

    private static ScheduledDeletion FromRow(TableEntity row) => new(
        new DeletionMessage(
            row.GetString("TenantId") ?? string.Empty,
            row.GetString("MediaId") ?? string.Empty,
            row.GetString("Phone"),
            row.GetString("BatchId"),
            row.GetString("RequestId"),
            Attempt: 0,
            row.GetInt32("ItemIndex"),
            NotBefore: null,
            DeleteAt: row.GetDateTimeOffset("DueAt"),
            Reason: row.GetString("Reason"),
            RequestedBy: row.GetString("RequestedBy")),
        row.GetDateTimeOffset("ClaimedUntil") ?? DateTimeOffset.MinValue,
        row.ETag);
}
