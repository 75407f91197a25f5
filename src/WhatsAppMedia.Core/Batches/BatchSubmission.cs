using WhatsAppMedia.Core.Http;
using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Core.Batches;

/// <summary>
/// What became of a bulk submission: accepted (<see cref="BatchId"/> set), refused item by item (<see cref="Errors"/>
/// set; nothing was queued) or as a whole (<see cref="Refusal"/> set), or not possible right now
/// (<see cref="UnavailableDetail"/> set; storage failed).
/// </summary>
internal sealed record BatchSubmission
{
    private BatchSubmission()
    {
    }

    public string? BatchId { get; private init; }

    public int Accepted { get; private init; }

    /// <summary>
    /// When the last item is due: the later of a paced tenant's last slot (docs/pacing.md) and the latest <c>deleteAt</c>
    /// (docs/scheduling.md); null when neither applies.
    /// </summary>
    public DateTimeOffset? EstimatedCompletionAt { get; private init; }

    /// <summary>How many of the accepted items were settled at once as <c>expired_at_provider</c> (a registration's, docs/scheduling.md, "Retention").</summary>
    public int ExpiredAtProvider { get; private init; }

    public IReadOnlyList<ItemError>? Errors { get; private init; }

    public string? UnavailableDetail { get; private init; }

    /// <summary>A refusal of the whole body (its <c>deleteAt</c>), not of one item; nothing was queued.</summary>
    public IdentifierError? Refusal { get; private init; }

    public static BatchSubmission Queued(string batchId, int accepted, DateTimeOffset? estimatedCompletionAt, int expiredAtProvider = 0) =>
        new() { BatchId = batchId, Accepted = accepted, EstimatedCompletionAt = estimatedCompletionAt, ExpiredAtProvider = expiredAtProvider };

    public static BatchSubmission Refused(IReadOnlyList<ItemError> errors) => new() { Errors = errors };

    public static BatchSubmission Unavailable(string detail) => new() { UnavailableDetail = detail };

    public static BatchSubmission Invalid(IdentifierError refusal) => new() { Refusal = refusal };
}
