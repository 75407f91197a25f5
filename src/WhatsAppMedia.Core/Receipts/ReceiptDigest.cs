using System.Text.Json.Serialization;

namespace WhatsAppMedia.Core.Receipts;

/// <summary>
/// What a signed digest states (docs/receipts.md, "Signed digests"): at <see cref="SignedAt"/>, the tenant's chain ended
/// at receipt <see cref="Sequence"/> with hash <see cref="Hash"/>. Signed over its exact compact JSON, as receipts are hashed.
/// </summary>
internal sealed record ReceiptDigest(
    [property: JsonPropertyName("tenantId")] string TenantId,
    [property: JsonPropertyName("seq")] long Sequence,
    [property: JsonPropertyName("hash")] string Hash,
    [property: JsonPropertyName("signedAt")] DateTimeOffset SignedAt,
    [property: JsonPropertyName("algorithm")] string Algorithm,
    [property: JsonPropertyName("keyId")] string KeyId)
{
    /// <summary>ECDSA on P-256 with SHA-256, as JWS names it (RFC 7518, section 3.4).</summary>
    public const string Es256 = "ES256";
}
