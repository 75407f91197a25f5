namespace WhatsAppMedia.Core.Batches;

/// <summary>A batch's scheduled items that may still be cancelled or moved, and how its other items stand.</summary>
/// <param name="Total">Items in the batch.</param>
/// <param name="Cancelled">Items cancelled already.</param>
/// <param name="Items">Pending items with a due time.</param>
internal sealed record ScheduledItems(int Total, int Cancelled, IReadOnlyList<ScheduledItem> Items);
