using System.Text.Json.Serialization;

namespace WhatsAppMedia.Core.Http;

/// <summary>One refused item of a batch: its position in <c>items</c> and the contract code saying why.</summary>
internal sealed record ItemError(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("detail")] string Detail);
