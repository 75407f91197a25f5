using System.Text.Json.Serialization;

namespace WhatsAppMedia.Core.Http;

internal sealed record HealthResponse([property: JsonPropertyName("status")] string Status);
