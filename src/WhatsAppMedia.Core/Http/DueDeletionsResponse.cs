using System.Text.Json.Serialization;

namespace WhatsAppMedia.Core.Http;

/// <summary>The 200 body of <c>GET …/media/deletions/schedule</c> (docs/openapi.json): what the tenant has scheduled up to <c>until</c>, per UTC day.</summary>
internal sealed record DueDeletionsResponse(
    [property: JsonPropertyName("tenantId")] string TenantId,
    [property: JsonPropertyName("until")] DateTimeOffset Until,
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("days")] IReadOnlyList<DueDayResponse> Days,
    [property: JsonPropertyName("requestId")] string RequestId);
