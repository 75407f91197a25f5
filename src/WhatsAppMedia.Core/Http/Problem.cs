using System.Text.Json.Serialization;

namespace WhatsAppMedia.Core.Http;

/// <summary>An RFC 9457 problem document with the contract's <c>code</c> and <c>requestId</c> members.</summary>
internal sealed record Problem(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("requestId")] string RequestId,
    [property: JsonPropertyName("errors"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ItemError>? Errors = null)
{
    public const string ContentType = "application/problem+json";

    /// <summary>Problem types are URNs named after the stable code, so a caller can match either.</summary>
    public static string TypeFor(string code) => "urn:whatsapp-media:problem:" + code;
}
