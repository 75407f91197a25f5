using System.Text.Json;

namespace WhatsAppMedia.Core.Receipts;

/// <summary>
/// Checks one signed digest's export line for <see cref="ReceiptVerifier"/>: it names the receipt on the line before,
/// with that receipt's hash and tenant, and, given the public key, is signed by it over its exact JSON text.
/// </summary>
internal static class ReceiptDigestCheck
{
    public static string? Check(string line, long? receiptBefore, string? hashBefore, string? tenantBefore, ReceiptPublicKey? signingKey)
    {
        if (ReceiptChain.TryParseLine(line) is not { } document)
        {
            return ReceiptChain.NotALine;
        }

        using (document)
        {
            var root = document.RootElement;
            if (!root.TryGetProperty("digest", out var digest) || digest.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("signature", out var signatureElement) || signatureElement.ValueKind != JsonValueKind.String
                || !digest.TryGetProperty("seq", out var seqElement) || !seqElement.TryGetInt64(out var sequence)
                || !TryGetString(digest, "hash", out var hash) || !TryGetString(digest, "tenantId", out var tenant) || !TryGetString(digest, "keyId", out var keyId))
            {
                return "not a digest line: it needs a 'digest' with 'seq', 'hash', 'tenantId' and 'keyId', and a 'signature'";
            }

            if (receiptBefore != sequence)
            {
                return $"the digest of receipt {sequence} does not follow receipt {sequence}";
            }

            if (hash != hashBefore || tenant != tenantBefore)
            {
                return $"the digest of receipt {sequence} names another chain: its hash or tenant is not receipt {sequence}'s";
            }

            if (signingKey is null)
            {
                return null;
            }

            if (keyId != signingKey.KeyId)
            {
                return $"the digest of receipt {sequence} is signed with key {keyId}; the key given is {signingKey.KeyId}";
            }

            return signingKey.Verifies(digest.GetRawText(), signatureElement.GetString()!)
                ? null
                : $"the digest of receipt {sequence}: its signature does not match (the digest was changed, or this key did not sign it)";
        }
    }

    private static bool TryGetString(JsonElement element, string name, out string value)
    {
        value = element.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String ? property.GetString()! : string.Empty;
        return property.ValueKind == JsonValueKind.String;
    }
}
