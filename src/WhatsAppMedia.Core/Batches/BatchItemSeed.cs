namespace WhatsAppMedia.Core.Batches;

/// <summary>One item of a new batch, as the POST accepted it.</summary>
/// <param name="Index">Its 0-based position in the POST body's <c>items</c>.</param>
/// <param name="MediaId">The provider's media id.</param>
/// <param name="Slot">For a paced tenant's item due now, which of the batch's reserved slots its message takes (docs/pacing.md); null: none.</param>
/// <param name="DueAt">The time the caller scheduled it for (<c>deleteAt</c>, docs/scheduling.md); null: now.</param>
/// <param name="Phone">The phone identity its message names, kept so a reschedule can queue it again.</param>
/// <param name="RequestId">The request that queued it, for the same reason.</param>
/// <param name="ExpiredAtProvider">When the provider drops the media of an item settled as <see cref="BatchItemState.ExpiredAtProvider"/> without a call; null: pending.</param>
internal sealed record BatchItemSeed(
    int Index, string MediaId, int? Slot = null, DateTimeOffset? DueAt = null, string? Phone = null, string? RequestId = null, DateTimeOffset? ExpiredAtProvider = null);
