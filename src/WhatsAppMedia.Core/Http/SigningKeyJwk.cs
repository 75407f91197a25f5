using System.Text.Json.Serialization;

namespace WhatsAppMedia.Core.Http;

/// <summary>The public signing key as a JSON Web Key (RFC 7517; EC members per RFC 7518, section 6.2.1).</summary>
internal sealed record SigningKeyJwk(
    [property: JsonPropertyName("kty")] string KeyType,
    [property: JsonPropertyName("crv")] string Curve,
    [property: JsonPropertyName("x")] string X,
    [property: JsonPropertyName("y")] string Y,
    [property: JsonPropertyName("kid")] string KeyId,
    [property: JsonPropertyName("alg")] string Algorithm,
    [property: JsonPropertyName("use")] string Use);
