using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace WhatsAppMedia.Core.Receipts;

/// <summary>
/// The hash chain of a tenant's receipts (docs/receipts.md, "The chain"): each receipt's hash is the SHA-256 of its
/// compact JSON, which holds its predecessor's hash, so changing, removing or reordering any receipt breaks every
/// link after it. An export line is <c>{"hash":"…","receipt":{…}}</c>; the verifier hashes the receipt's raw text.
/// </summary>
internal static class ReceiptChain
{
    /// <summary>The predecessor hash of a tenant's first receipt: 64 zeros.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Serialize(DeletionReceipt receipt) => JsonSerializer.Serialize(receipt, ReceiptJsonContext.Default.DeletionReceipt);

    /// <summary>Lowercase hex SHA-256 of the receipt's JSON as UTF-8.</summary>
    public static string Hash(string receiptJson) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(receiptJson)));

    public static string Serialize(ReceiptDigest digest) => JsonSerializer.Serialize(digest, ReceiptJsonContext.Default.ReceiptDigest);

    /// <summary>One NDJSON line of an export (without the line feed).</summary>
    public static string Line(string receiptJson, string hash) => $"{{\"hash\":\"{hash}\",\"receipt\":{receiptJson}}}";

    /// <summary>Why a line that is not JSON fails verification.</summary>
    public const string NotALine = "not a JSON line of a receipt export";

    /// <summary>An export line parsed, or null when it is not JSON (the verifier's receipt and digest checks share it).</summary>
    public static JsonDocument? TryParseLine(string line)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The export line of a signed digest, after the line of the receipt it ends at.</summary>
    public static string DigestLine(string digestJson, string signature) => $"{{\"digest\":{digestJson},\"signature\":\"{signature}\"}}";
}
