using System.Text.Json.Serialization;

namespace WhatsAppMedia.Core.Deletions;

/// <summary>Source-generated serialization for the queue formats: no reflection on the hot path.</summary>
[JsonSerializable(typeof(DeletionMessage))]
[JsonSerializable(typeof(FailedDeletion))]
internal sealed partial class DeletionJsonContext : JsonSerializerContext;
