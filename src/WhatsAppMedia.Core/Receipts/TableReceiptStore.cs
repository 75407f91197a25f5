// Longer than 250 lines: one table layout (head, receipts, keys, digests); every read and conditional write of it belongs together.
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using WhatsAppMedia.Core.Queues;

namespace WhatsAppMedia.Core.Receipts;

/// <summary>
/// A tenant's receipts in Azure Table storage (table <c>mediadeletionreceipts</c>, docs/receipts.md, "Storage"). One
/// partition per tenant: the chain head (<c>head</c>: the last sequence number and hash), one <c>r{seq}</c> row per
/// receipt, one <c>k{key}</c> row per receipt key, and one <c>d{seq}</c> row per signed digest. A receipt, its key row and the head's advance are written in
/// one entity group transaction with the head's ETag as its condition: all or nothing, so two instances appending at
/// once keep one chain (the loser reads the new head and tries again) and a key already written stops a second receipt.
/// </summary>
internal sealed class TableReceiptStore
{
    public const string TableName = "mediadeletionreceipts";

    private const string HeadRowKey = "head";

    /// <summary>Enough for heavy contention on one tenant's head; then give up loudly (the caller's delivery is retried).</summary>
    private const int MaxAppendAttempts = 32;

    private readonly TableClient _table;
    private readonly TableCreation _created;

    public TableReceiptStore(TableServiceClient tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.GetTableClient(TableName);
        _created = new TableCreation(_table);
    }

    /// <summary>Appends the receipt unless its key is already written; returns its sequence number, or the existing one's.</summary>
    public Task<long> AppendAsync(ReceiptRequest request, CancellationToken cancellationToken) =>
        _created.RunAsync(() => AppendCoreAsync(request, cancellationToken), cancellationToken);

    private async Task<long> AppendCoreAsync(ReceiptRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _created.EnsureAsync(cancellationToken);
        var tenantId = request.TenantId;
        var keyRow = KeyRowKey(request.Key);
        for (var attempt = 1; ; attempt++)
        {
            var existing = await _table.GetEntityIfExistsAsync<TableEntity>(tenantId, keyRow, cancellationToken: cancellationToken);
            if (existing.HasValue)
            {
                return existing.Value!.GetInt64("Seq") ?? 0;
            }

            var head = await _table.GetEntityIfExistsAsync<TableEntity>(tenantId, HeadRowKey, cancellationToken: cancellationToken);
            var sequence = (head.HasValue ? head.Value!.GetInt64("Seq") ?? 0 : 0) + 1;
            var previous = head.HasValue ? head.Value!.GetString("Hash") ?? ReceiptChain.Genesis : ReceiptChain.Genesis;
            var receipt = new DeletionReceipt(
                sequence, tenantId, request.Provider, request.MediaId, request.Phone, request.RequestedBy, request.RequestId, request.Reason, request.BatchId,
                request.ItemIndex, request.RequestedAt?.ToUniversalTime(), request.CompletedAt.ToUniversalTime(), request.Outcome, request.Code, request.Attempts,
                request.Evidence, previous);
            var json = ReceiptChain.Serialize(receipt);
            var hash = ReceiptChain.Hash(json);
            var newHead = new TableEntity(tenantId, HeadRowKey) { ["Seq"] = sequence, ["Hash"] = hash };
            TableTransactionAction[] actions =
            [
                new(TableTransactionActionType.Add, new TableEntity(tenantId, keyRow) { ["Seq"] = sequence }),
                new(TableTransactionActionType.Add, new TableEntity(tenantId, ReceiptRowKey(sequence))
                {
                    ["Json"] = json,
                    ["Hash"] = hash,
                    ["MediaId"] = request.MediaId,
                    ["CompletedAt"] = request.CompletedAt.ToUniversalTime(),
                    // So retention removes the key with its receipt.
                    ["KeyRow"] = keyRow,
                }),
                head.HasValue
                    ? new(TableTransactionActionType.UpdateReplace, newHead, head.Value!.ETag)
                    : new(TableTransactionActionType.Add, newHead),
            ];
            try
            {
                await _table.SubmitTransactionAsync(actions, cancellationToken);
                return sequence;
            }
            catch (TableTransactionFailedException lost) when (lost.Status is 409 or 412 && attempt < MaxAppendAttempts)
            {
                // Another instance advanced the head (or wrote this key) since the read: read both again.
            }
        }
    }

    /// <summary>
    /// The tenant's receipts after sequence number <paramref name="after"/>, in chain order, as stored lines, at most
    /// <paramref name="limit"/>; optionally only those completed in [<paramref name="from"/>, <paramref name="to"/>) or of one media id.
    /// </summary>
    public async IAsyncEnumerable<StoredReceipt> ListAsync(
        string tenantId, long after, int limit, DateTimeOffset? from, DateTimeOffset? to, string? mediaId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey gt {ReceiptRowKey(after)} and RowKey lt {"s"}");
        if (from is { } start)
        {
            filter += " and " + TableClient.CreateQueryFilter($"CompletedAt ge {start.ToUniversalTime()}");
        }

        if (to is { } end)
        {
            filter += " and " + TableClient.CreateQueryFilter($"CompletedAt lt {end.ToUniversalTime()}");
        }

        if (mediaId is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"MediaId eq {mediaId}");
        }

        var count = 0;
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(limit, 1000), select: ["RowKey", "Json", "Hash"], cancellationToken: cancellationToken))
        {
            yield return new StoredReceipt(SequenceOf(row.RowKey), row.GetString("Json") ?? string.Empty, row.GetString("Hash") ?? string.Empty);
            if (++count >= limit)
            {
                yield break;
            }
        }
    }

    /// <summary>Every tenant's chain head: one cross-partition query on the row key, for the digest job.</summary>
    public async IAsyncEnumerable<ReceiptChainHead> ListHeadsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"RowKey eq {HeadRowKey}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "Seq", "Hash"], cancellationToken: cancellationToken))
        {
            yield return new ReceiptChainHead(row.PartitionKey, row.GetInt64("Seq") ?? 0, row.GetString("Hash") ?? string.Empty);
        }
    }

    /// <summary>Adds the digest of receipt <paramref name="sequence"/>; false when one is already there (another instance signed it).</summary>
    public Task<bool> TryAddDigestAsync(string tenantId, long sequence, string json, string signature, CancellationToken cancellationToken) =>
        _created.RunAsync(
            async () =>
            {
                try
                {
                    await _table.AddEntityAsync(new TableEntity(tenantId, DigestRowKey(sequence)) { ["Json"] = json, ["Signature"] = signature }, cancellationToken);
                    return true;
                }
                catch (RequestFailedException conflict) when (conflict.Status == 409)
                {
                    return false;
                }
            },
            cancellationToken);

    /// <summary>The tenant's digests of receipts <paramref name="first"/> to <paramref name="last"/>, in order.</summary>
    public async IAsyncEnumerable<StoredDigest> ListDigestsAsync(string tenantId, long first, long last, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {DigestRowKey(first)} and RowKey le {DigestRowKey(last)}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["RowKey", "Json", "Signature"], cancellationToken: cancellationToken))
        {
            yield return new StoredDigest(SequenceOf(row.RowKey), row.GetString("Json") ?? string.Empty, row.GetString("Signature") ?? string.Empty);
        }
    }

    /// <summary>
    /// Removes the tenant's oldest receipts, in chain order, while they completed before <paramref name="cutoff"/>, with
    /// their key rows and the digests of them; stops at the first younger one, so what is left is still one unbroken
    /// chain (its first <c>previousHash</c> names a removed receipt). The head stays. Returns how many receipts went.
    /// </summary>
    public async Task<int> RemoveCompletedBeforeAsync(string tenantId, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey gt {ReceiptRowKey(0)} and RowKey lt {"s"}");
        var removed = 0;
        long last = 0;
        var actions = new List<TableTransactionAction>(100);
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["RowKey", "CompletedAt", "KeyRow"], cancellationToken: cancellationToken))
        {
            if (row.GetDateTimeOffset("CompletedAt") is not { } completedAt || completedAt >= cutoff)
            {
                break;
            }

            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(tenantId, row.RowKey), ETag.All));
            if (row.GetString("KeyRow") is { } keyRow)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(tenantId, keyRow), ETag.All));
            }

            last = SequenceOf(row.RowKey);
            removed++;
            if (actions.Count >= 98)
            {
                await DeleteAsync(actions, cancellationToken);
            }
        }

        await DeleteAsync(actions, cancellationToken);
        if (last > 0)
        {
            await foreach (var digest in ListDigestsAsync(tenantId, 1, last, cancellationToken))
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(tenantId, DigestRowKey(digest.Sequence)), ETag.All));
                if (actions.Count >= 98)
                {
                    await DeleteAsync(actions, cancellationToken);
                }
            }

            await DeleteAsync(actions, cancellationToken);
        }

        return removed;
    }

    /// <summary>Deletes in one transaction; when a row is gone already (another instance's run), one by one.</summary>
    private async Task DeleteAsync(List<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        if (actions.Count == 0)
        {
            return;
        }

        try
        {
            await _table.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException gone) when (gone.Status == 404)
        {
            foreach (var action in actions)
            {
                await _table.DeleteEntityAsync(action.Entity.PartitionKey, action.Entity.RowKey, ETag.All, cancellationToken);
            }
        }

        actions.Clear();
    }

    /// <summary>Twelve digits: a trillion receipts per tenant, sorted as numbers.</summary>
    private static string ReceiptRowKey(long sequence) => "r" + sequence.ToString("D12", CultureInfo.InvariantCulture);

    private static string DigestRowKey(long sequence) => "d" + sequence.ToString("D12", CultureInfo.InvariantCulture);

    private static long SequenceOf(string rowKey) => long.Parse(rowKey.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>A key may hold any character; a row key may not hold <c>/ \ # ?</c>. Its SHA-256 may.</summary>
    private static string KeyRowKey(string key) => "k" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
