namespace WhatsAppMedia.Core.Receipts;

/// <summary>
/// A terminal outcome to write down: everything of a <see cref="DeletionReceipt"/> but its place in the chain, and the
/// key that makes writing it twice (a redelivered message, a retried request) leave one receipt.
/// </summary>
internal sealed record ReceiptRequest(
    string Key,
    string TenantId,
    string Provider,
    string MediaId,
    string? Phone,
    string RequestedBy,
    string? RequestId,
    string? Reason,
    string? BatchId,
    int? ItemIndex,
    DateTimeOffset? RequestedAt,
    DateTimeOffset CompletedAt,
    string Outcome,
    string? Code,
    int Attempts,
    ReceiptEvidence Evidence);
