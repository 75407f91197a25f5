using System.Text.Json.Serialization;

namespace WhatsAppMedia.Core.Http;

/// <summary>One day of <see cref="DueDeletionsResponse"/>: the UTC date (<c>yyyy-MM-dd</c>) and how many are due on it.</summary>
internal sealed record DueDayResponse(
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("count")] int Count);
