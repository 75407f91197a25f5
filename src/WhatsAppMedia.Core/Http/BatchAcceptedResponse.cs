using System.Text.Json.Serialization;

namespace WhatsAppMedia.Core.Http;

/// <summary>
/// The 202 body of <c>POST …/media/deletions</c> and <c>…/media/registrations</c>; <see cref="EstimatedCompletionAt"/> is
/// when the last item is due (docs/pacing.md, docs/scheduling.md); <see cref="ExpiredAtProvider"/> is a registration's only.
/// </summary>
internal sealed record BatchAcceptedResponse(
    [property: JsonPropertyName("tenantId")] string TenantId,
    [property: JsonPropertyName("batchId")] string BatchId,
    [property: JsonPropertyName("accepted")] int Accepted,
    [property: JsonPropertyName("requestId")] string RequestId,
    [property: JsonPropertyName("estimatedCompletionAt"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? EstimatedCompletionAt = null,
    [property: JsonPropertyName("expiredAtProvider"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ExpiredAtProvider = null);
