namespace WhatsAppMedia.Core.Batches;

/// <summary>A batch's state, counted from its item rows.</summary>
/// <param name="TenantId">The tenant that queued it.</param>
/// <param name="BatchId">Its id.</param>
/// <param name="CreatedAt">When the POST recorded it (UTC).</param>
/// <param name="Total">How many items the POST accepted.</param>
/// <param name="Counts">Items per state; every state is present. Items the store has not seen count as pending.</param>
/// <param name="Failures">Every failed or poisoned item, ordered by index.</param>
/// <param name="NextAttemptAt">The earliest slot of a pending item of a paced tenant (docs/pacing.md); null when none has one.</param>
internal sealed record BatchStatus(
    string TenantId,
    string BatchId,
    DateTimeOffset CreatedAt,
    int Total,
    IReadOnlyDictionary<BatchItemState, int> Counts,
    IReadOnlyList<BatchFailure> Failures,
    DateTimeOffset? NextAttemptAt = null)
{
    /// <summary>The due times (<c>deleteAt</c>, docs/scheduling.md) of pending items scheduled for later, earliest first.</summary>
    public IReadOnlyList<DateTimeOffset> PendingDueTimes { get; init; } = [];

    /// <summary>Pending items whose due time is still after <paramref name="now"/>: scheduled, not yet being worked on.</summary>
    public int ScheduledCount(DateTimeOffset now) => PendingDueTimes.Count(due => due > now);

    /// <summary>The earliest due time after <paramref name="now"/>; null when no item is scheduled.</summary>
    public DateTimeOffset? NextDueAt(DateTimeOffset now) => PendingDueTimes.FirstOrDefault(due => due > now) is var next && next != default ? next : null;

    /// <summary>Every item is settled.</summary>
    public bool Done => Counts[BatchItemState.Pending] == 0;
}
