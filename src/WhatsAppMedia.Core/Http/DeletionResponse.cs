using System.Text.Json.Serialization;

namespace WhatsAppMedia.Core.Http;

/// <summary>The 200 body of <c>DELETE …/media/{mediaId}</c>.</summary>
internal sealed record DeletionResponse(
    [property: JsonPropertyName("tenantId")] string TenantId,
    [property: JsonPropertyName("mediaId")] string MediaId,
    [property: JsonPropertyName("provider")] string Provider,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("requestId")] string RequestId);
