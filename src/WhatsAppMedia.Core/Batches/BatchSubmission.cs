using WhatsAppMedia.Core.Http;

namespace WhatsAppMedia.Core.Batches;

/// <summary>
/// What became of a bulk submission: accepted (<see cref="BatchId"/> set), refused item by item (<see cref="Errors"/>
/// set; nothing was queued), or not possible right now (<see cref="UnavailableDetail"/> set; storage failed).
/// </summary>
internal sealed record BatchSubmission
{
    private BatchSubmission()
    {
    }

    public string? BatchId { get; private init; }

    public int Accepted { get; private init; }

    /// <summary>The last item's slot of a paced tenant's schedule (docs/pacing.md); null when the tenant is not paced.</summary>
    public DateTimeOffset? EstimatedCompletionAt { get; private init; }

    public IReadOnlyList<ItemError>? Errors { get; private init; }

    public string? UnavailableDetail { get; private init; }

    public static BatchSubmission Queued(string batchId, int accepted, DateTimeOffset? estimatedCompletionAt) =>
        new() { BatchId = batchId, Accepted = accepted, EstimatedCompletionAt = estimatedCompletionAt };

    public static BatchSubmission Refused(IReadOnlyList<ItemError> errors) => new() { Errors = errors };

    public static BatchSubmission Unavailable(string detail) => new() { UnavailableDetail = detail };
}
