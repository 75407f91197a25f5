using System.Text.Json.Serialization;

namespace WhatsAppMedia.Core.Receipts;

/// <summary>What the provider answered, as far as it is evidence: its HTTP status and its own error code. Null where no provider was called.</summary>
internal sealed record ReceiptEvidence(
    [property: JsonPropertyName("httpStatus")] int? HttpStatus,
    [property: JsonPropertyName("providerCode")] string? ProviderCode);
