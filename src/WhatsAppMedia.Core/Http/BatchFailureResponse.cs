using System.Text.Json.Serialization;

namespace WhatsAppMedia.Core.Http;

/// <summary>One entry of a batch's <c>failures</c>: an item that ended in <c>-failed</c> (<c>failed</c>) or <c>-poison</c> (<c>poisoned</c>).</summary>
internal sealed record BatchFailureResponse(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("mediaId")] string MediaId,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("code")] string? Code,
    [property: JsonPropertyName("detail")] string? Detail,
    [property: JsonPropertyName("at")] DateTimeOffset? At);
