using System.Text.Json.Serialization;

namespace WhatsAppMedia.Core.Http;

/// <summary>The 202 body of <c>POST …/media/deletions</c>; <see cref="EstimatedCompletionAt"/> is the last item's slot, for a paced tenant only (docs/pacing.md).</summary>
internal sealed record BatchAcceptedResponse(
    [property: JsonPropertyName("tenantId")] string TenantId,
    [property: JsonPropertyName("batchId")] string BatchId,
    [property: JsonPropertyName("accepted")] int Accepted,
    [property: JsonPropertyName("requestId")] string RequestId,
    [property: JsonPropertyName("estimatedCompletionAt"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? EstimatedCompletionAt = null);
