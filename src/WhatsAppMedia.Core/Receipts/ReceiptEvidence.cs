using System.Text.Json.Serialization;

namespace WhatsAppMedia.Core.Receipts;

/// <summary>
/// What the provider answered, as far as it is evidence: its HTTP status, its own error code, and its own id of the
/// request (Meta's trace id, AWS's request id), which its support can look up. Null where no provider was called or it gave none.
/// </summary>
internal sealed record ReceiptEvidence(
    [property: JsonPropertyName("httpStatus")] int? HttpStatus,
    [property: JsonPropertyName("providerCode")] string? ProviderCode,
    [property: JsonPropertyName("providerRequestId")] string? ProviderRequestId = null);
