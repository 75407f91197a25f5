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

    /// <summary>The export line of a digest of receipt <paramref name="sequence"/> (hash <paramref name="hash"/>) of tenant <c>acme</c>, signed with <paramref name="key"/>.</summary>
    internal static string Digest(long sequence, string hash, ReceiptSigningKey key, DateTimeOffset signedAt, string tenantId = "acme")
    {
        ArgumentNullException.ThrowIfNull(key);
        var json = ReceiptChain.Serialize(new ReceiptDigest(tenantId, sequence, hash, signedAt, ReceiptDigest.Es256, key.KeyId));
        return ReceiptChain.DigestLine(json, key.Sign(json));
    }

    /// <summary>The hash an export line states.</summary>
    public static string HashOf(string line) => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("hash").GetString()!;

    /// <summary>The JSON of one such receipt, with the outcome and predecessor hash given (a forger's tool).</summary>
    public static string Receipt(long sequence, string outcome, string previousHash, DateTimeOffset completedAt) => ReceiptChain.Serialize(new DeletionReceipt(
        sequence, "acme", "meta", "1013859600285441", null, "queue", "req", null, null, null, null, completedAt, outcome, null, 1, new ReceiptEvidence(200, null), previousHash));
}
