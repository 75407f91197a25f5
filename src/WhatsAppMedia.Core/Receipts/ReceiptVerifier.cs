using System.Text.Json;

namespace WhatsAppMedia.Core.Receipts;

/// <summary>
/// Checks an export of receipts offline (docs/receipts.md, "Verifying an export"): each line's hash is the SHA-256 of
/// its receipt's exact text; each receipt's <c>previousHash</c> is the hash of the receipt before it in the chain, and
/// sequence numbers rise by one. A changed byte fails at its line, a removed line at the line after it, a swapped pair
/// at the first of them. An export filtered by time or media id has gaps by design: <paramref name="allowGaps"/>
/// then checks each line's own hash, the order, and the links where two receipts are adjacent.
/// A signed digest's line must follow the receipt it names, with that receipt's hash; with <c>signingKey</c> its
/// signature is checked too (docs/receipts.md, "Signed digests").
/// </summary>
public static class ReceiptVerifier
{
    public static ReceiptVerification Verify(IEnumerable<string> lines, bool allowGaps = false, ReceiptPublicKey? signingKey = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var lineNumber = 0;
        var receipts = 0;
        var digests = 0;
        long? signedThrough = null;
        long? previousSequence = null;
        string? previousHash = null;
        string? tenantId = null;
        foreach (var line in lines)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            string? problem;
            if (line.StartsWith("{\"digest\":", StringComparison.Ordinal))
            {
                problem = ReceiptDigestCheck.Check(line, previousSequence, previousHash, tenantId, signingKey);
                if (problem is null)
                {
                    digests++;
                    signedThrough = previousSequence;
                }
            }
            else
            {
                problem = Check(line, allowGaps, ref previousSequence, ref previousHash, ref tenantId);
                if (problem is null)
                {
                    receipts++;
                }
            }

            if (problem is not null)
            {
                return new ReceiptVerification(receipts, lineNumber, problem, digests, signedThrough, signingKey is not null);
            }
        }

        return new ReceiptVerification(receipts, null, null, digests, signedThrough, signingKey is not null);
    }

    private static string? Check(string line, bool allowGaps, ref long? previousSequence, ref string? previousHash, ref string? tenantId)
    {
        if (ReceiptChain.TryParseLine(line) is not { } document)
        {
            return ReceiptChain.NotALine;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("hash", out var hashElement) || hashElement.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("receipt", out var receipt) || receipt.ValueKind != JsonValueKind.Object
                || !receipt.TryGetProperty("seq", out var seqElement) || !seqElement.TryGetInt64(out var sequence)
                || !receipt.TryGetProperty("previousHash", out var previousElement) || previousElement.ValueKind != JsonValueKind.String
                || !receipt.TryGetProperty("tenantId", out var tenantElement) || tenantElement.ValueKind != JsonValueKind.String)
            {
                return "not a receipt line: it needs 'hash' and a 'receipt' with 'seq', 'tenantId' and 'previousHash'";
            }

            var hash = hashElement.GetString()!;
            if (ReceiptChain.Hash(receipt.GetRawText()) != hash)
            {
                return $"receipt {sequence}: its content does not match its hash (changed after it was written)";
            }

            var tenant = tenantElement.GetString()!;
            if (tenantId is not null && tenant != tenantId)
            {
                return $"receipt {sequence} is tenant '{tenant}''s; the export began with tenant '{tenantId}''s";
            }

            var previous = previousElement.GetString()!;
            if (previousSequence is { } before)
            {
                if (sequence <= before)
                {
                    return $"receipt {sequence} comes after receipt {before}: out of order";
                }

                if (sequence == before + 1 && previous != previousHash)
                {
                    return $"receipt {sequence} does not follow receipt {before}: its previousHash is not that receipt's hash";
                }

                if (sequence > before + 1 && !allowGaps)
                {
                    return $"receipt {sequence} follows receipt {before}: {(sequence - before - 1):N0} receipt(s) missing";
                }
            }
            else if (sequence == 1 && previous != ReceiptChain.Genesis)
            {
                return "receipt 1 must have the genesis previousHash (64 zeros)";
            }

            previousSequence = sequence;
            previousHash = hash;
            tenantId = tenant;
            return null;
        }
    }
}
