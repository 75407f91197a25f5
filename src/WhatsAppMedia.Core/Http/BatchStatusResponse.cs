using System.Text.Json.Serialization;
using WhatsAppMedia.Core.Batches;

namespace WhatsAppMedia.Core.Http;

/// <summary>The 200 body of <c>GET …/media/deletions/{batchId}</c> (docs/openapi.json). Counts are items; times are ISO 8601 UTC.</summary>
internal sealed record BatchStatusResponse(
    [property: JsonPropertyName("tenantId")] string TenantId,
    [property: JsonPropertyName("batchId")] string BatchId,
    [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("pending")] int Pending,
    [property: JsonPropertyName("deleted")] int Deleted,
    [property: JsonPropertyName("notFound")] int NotFound,
    [property: JsonPropertyName("failed")] int Failed,
    [property: JsonPropertyName("poisoned")] int Poisoned,
    [property: JsonPropertyName("done")] bool Done,
    [property: JsonPropertyName("failures")] IReadOnlyList<BatchFailureResponse> Failures,
    [property: JsonPropertyName("requestId")] string RequestId,
    [property: JsonPropertyName("nextAttemptAt"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? NextAttemptAt = null,
    [property: JsonPropertyName("scheduled")] int Scheduled = 0,
    [property: JsonPropertyName("nextDueAt"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? NextDueAt = null,
    [property: JsonPropertyName("cancelled")] int Cancelled = 0,
    [property: JsonPropertyName("expiredAtProvider")] int ExpiredAtProvider = 0)
{
    /// <summary>
    /// The answer at <paramref name="now"/>: an item scheduled for later counts as <c>scheduled</c> until its due time,
    /// then as <c>pending</c> like any other unsettled item (docs/scheduling.md, "Batch status").
    /// </summary>
    public static BatchStatusResponse From(BatchStatus status, DateTimeOffset now, string requestId)
    {
        ArgumentNullException.ThrowIfNull(status);
        var scheduled = status.ScheduledCount(now);
        return new BatchStatusResponse(
            status.TenantId,
            status.BatchId,
            status.CreatedAt,
            status.Total,
            status.Counts[BatchItemState.Pending] - scheduled,
            status.Counts[BatchItemState.Deleted],
            status.Counts[BatchItemState.NotFound],
            status.Counts[BatchItemState.Failed],
            status.Counts[BatchItemState.Poisoned],
            status.Done,
            status.Failures.Select(failure => new BatchFailureResponse(
                failure.Index, failure.MediaId, BatchItemStates.Name(failure.State), failure.Code, failure.Detail, failure.At)).ToList(),
            requestId,
            status.Done ? null : status.NextAttemptAt,
            scheduled,
            status.NextDueAt(now),
            status.Counts[BatchItemState.Cancelled],
            status.Counts[BatchItemState.ExpiredAtProvider]);
    }
}
