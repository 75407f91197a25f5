using System.Text.Json.Serialization;

namespace WhatsAppMedia.Core.Http;

/// <summary>
/// The 200 body of <c>DELETE</c> and <c>PATCH …/media/deletions/{batchId}</c> (docs/openapi.json): how many items
/// are cancelled (or were moved) and how many had already gone.
/// </summary>
internal sealed record BatchScheduleResponse(
    [property: JsonPropertyName("tenantId")] string TenantId,
    [property: JsonPropertyName("batchId")] string BatchId,
    [property: JsonPropertyName("cancelled")] int Cancelled,
    [property: JsonPropertyName("alreadySent")] int AlreadySent,
    [property: JsonPropertyName("requestId")] string RequestId,
    [property: JsonPropertyName("rescheduled"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Rescheduled = null,
    [property: JsonPropertyName("deleteAt"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? DeleteAt = null);
