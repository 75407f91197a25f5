using System.Text.Json.Serialization;

namespace WhatsAppMedia.Core.Receipts;

/// <summary>Source-generated, compact JSON for receipts: the bytes the chain hashes do not depend on reflection settings.</summary>
[JsonSourceGenerationOptions(WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(DeletionReceipt))]
[JsonSerializable(typeof(ReceiptDigest))]
internal sealed partial class ReceiptJsonContext : JsonSerializerContext;
