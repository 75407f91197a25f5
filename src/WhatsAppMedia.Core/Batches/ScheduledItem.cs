namespace WhatsAppMedia.Core.Batches;

/// <summary>A pending item of a batch that waits for its <c>deleteAt</c> (docs/scheduling.md), with what its message needs.</summary>
internal sealed record ScheduledItem(int Index, string MediaId, string? Phone, string? RequestId, DateTimeOffset DueAt);
