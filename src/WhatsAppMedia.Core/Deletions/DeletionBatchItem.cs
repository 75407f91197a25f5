namespace WhatsAppMedia.Core.Deletions;

/// <summary>One item of a batch as sent: <see cref="MediaId"/> is null when it was missing or not a string.</summary>
public sealed record DeletionBatchItem(string? MediaId, string? Phone, bool PhoneIsMalformed);
