namespace WhatsAppMedia.Core.Receipts;

/// <summary>Where a tenant's chain ends: its last receipt's sequence number and hash.</summary>
internal sealed record ReceiptChainHead(string TenantId, long Sequence, string Hash);
