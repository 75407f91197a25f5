using System.Text.Json.Serialization;

namespace WhatsAppMedia.Core.Receipts;

/// <summary>
/// What a receipt states about one terminal outcome of one deletion (docs/receipts.md, "A receipt"). No credential,
/// token, API key or download URL is ever part of it: the caller is named by an id derived from the key, never the key.
/// Serialized once, compactly and in this order; the chain hashes those exact bytes.
/// </summary>
internal sealed record DeletionReceipt(
    [property: JsonPropertyName("seq")] long Sequence,
    [property: JsonPropertyName("tenantId")] string TenantId,
    [property: JsonPropertyName("provider")] string Provider,
    [property: JsonPropertyName("mediaId")] string MediaId,
    [property: JsonPropertyName("phone")] string? Phone,
    [property: JsonPropertyName("requestedBy")] string RequestedBy,
    [property: JsonPropertyName("requestId")] string? RequestId,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("batchId")] string? BatchId,
    [property: JsonPropertyName("itemIndex")] int? ItemIndex,
    [property: JsonPropertyName("requestedAt")] DateTimeOffset? RequestedAt,
    [property: JsonPropertyName("completedAt")] DateTimeOffset CompletedAt,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("code")] string? Code,
    [property: JsonPropertyName("attempts")] int Attempts,
    [property: JsonPropertyName("evidence")] ReceiptEvidence Evidence,
    [property: JsonPropertyName("previousHash")] string PreviousHash);
