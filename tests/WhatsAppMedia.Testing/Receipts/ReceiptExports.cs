using WhatsAppMedia.Core.Receipts;

namespace WhatsAppMedia.Testing.Receipts;

/// <summary>Export lines of a valid receipt chain, as <c>GET …/receipts</c> writes them, for tests that tamper with them.</summary>
public static class ReceiptExports
{
    /// <summary>Receipts 1 to <paramref name="count"/> of tenant <c>acme</c>, each a deletion of one media id completed at <paramref name="completedAt"/>.</summary>
    public static List<string> Chain(int count, DateTimeOffset completedAt)
    {
        var lines = new List<string>(count);
        var previous = ReceiptChain.Genesis;
        for (var sequence = 1; sequence <= count; sequence++)
        {
            var json = Receipt(sequence, "deleted", previous, completedAt);
            previous = ReceiptChain.Hash(json);
            lines.Add(ReceiptChain.Line(json, previous));
        }

        return lines;
    }

    /// <summary>The JSON of one such receipt, with the outcome and predecessor hash given (a forger's tool).</summary>
    public static string Receipt(long sequence, string outcome, string previousHash, DateTimeOffset completedAt) => ReceiptChain.Serialize(new DeletionReceipt(
        sequence, "acme", "meta", "1013859600285441", null, "queue", "req", null, null, null, null, completedAt, outcome, null, 1, new ReceiptEvidence(200, null), previousHash));
}
