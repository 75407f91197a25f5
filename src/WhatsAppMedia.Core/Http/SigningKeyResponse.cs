using System.Text.Json.Serialization;

namespace WhatsAppMedia.Core.Http;

/// <summary>The answer of <c>GET /api/receipts/signing-key</c> (docs/receipts.md, "Signed digests").</summary>
internal sealed record SigningKeyResponse(
    [property: JsonPropertyName("algorithm")] string Algorithm,
    [property: JsonPropertyName("keyId")] string KeyId,
    [property: JsonPropertyName("publicKeyPem")] string PublicKeyPem,
    [property: JsonPropertyName("jwk")] SigningKeyJwk Jwk);
