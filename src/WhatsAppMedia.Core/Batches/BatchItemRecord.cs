namespace WhatsAppMedia.Core.Batches;

/// <summary>Where one item stands, as its row says.</summary>
/// <param name="State">Its state.</param>
/// <param name="DueAt">Its <c>deleteAt</c> (docs/scheduling.md); null when it was due at once.</param>
internal sealed record BatchItemRecord(BatchItemState State, DateTimeOffset? DueAt);
