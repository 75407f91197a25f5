using System.Text;

namespace WhatsAppMedia.Core.Receipts;

/// <summary>
/// One page of a receipt export (docs/receipts.md, "Export"): the receipts' lines in chain order, each followed by the
/// line of the signed digest that ends at it, if any; and the sequence number the next page starts after, while there is one.
/// </summary>
internal sealed record ReceiptExportPage(string Body, long? ContinueAfter)
{
    public static async Task<ReceiptExportPage> ReadAsync(TableReceiptStore store, string tenantId, ReceiptExportQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        var receipts = new List<StoredReceipt>(Math.Min(query.Limit + 1, 1024));
        // One more than the page: whether there is a next page is known before the first byte is written.
        await foreach (var receipt in store.ListAsync(tenantId, query.After, query.Limit + 1, query.From, query.To, query.MediaId, cancellationToken))
        {
            receipts.Add(receipt);
        }

        long? continueAfter = null;
        if (receipts.Count > query.Limit)
        {
            receipts.RemoveAt(receipts.Count - 1);
            continueAfter = receipts[^1].Sequence;
        }

        var digests = new Dictionary<long, StoredDigest>();
        if (receipts.Count > 0)
        {
            // One range query for the page; a filtered page keeps only the digests of receipts it holds.
            await foreach (var digest in store.ListDigestsAsync(tenantId, receipts[0].Sequence, receipts[^1].Sequence, cancellationToken))
            {
                digests[digest.Sequence] = digest;
            }
        }

        var body = new StringBuilder();
        foreach (var receipt in receipts)
        {
            body.Append(receipt.Line).Append('\n');
            if (digests.TryGetValue(receipt.Sequence, out var digest))
            {
                body.Append(digest.Line).Append('\n');
            }
        }

        return new ReceiptExportPage(body.ToString(), continueAfter);
    }
}
