using System.Text.Json.Serialization;

namespace WhatsAppMedia.Core.Http;

public sealed record HealthResponse([property: JsonPropertyName("status")] string Status);
