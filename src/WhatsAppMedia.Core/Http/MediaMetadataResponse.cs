using System.Text.Json.Serialization;
using WhatsAppMedia.Core.Retrievals;

namespace WhatsAppMedia.Core.Http;

/// <summary>
/// The 200 body of <c>GET …/media/{mediaId}</c> (docs/openapi.json). <c>sha256</c>, <c>fileSize</c>, <c>url</c> and
/// <c>urlExpiresAt</c> are left out where the provider gives no such value (AWS gives neither a hash nor a URL).
/// </summary>
/// <param name="TenantId">The tenant, as in the route.</param>
/// <param name="MediaId">The media id, as in the route.</param>
/// <param name="Provider">The tenant's provider: <c>meta</c>, <c>aws</c>, …</param>
/// <param name="MimeType">The provider's MIME type for the file.</param>
/// <param name="Sha256">The file's SHA-256 as the provider gives it (hex for Meta).</param>
/// <param name="FileSize">The file's size in bytes.</param>
/// <param name="Url">
/// The provider's download URL. It works only with the tenant's credentials, which callers never see; use
/// <c>/content</c> for the bytes.
/// </param>
/// <param name="UrlExpiresAt">
/// When <paramref name="Url"/> stops working, where the provider says how long it lives (Meta: 5 minutes after its answer); a UTC <see cref="DateTime"/>, so it is
/// written with a <c>Z</c> as the contract shows it.
/// </param>
/// <param name="RequestId">The request id, as in <c>X-Request-Id</c>.</param>
internal sealed record MediaMetadataResponse(
    [property: JsonPropertyName("tenantId")] string TenantId,
    [property: JsonPropertyName("mediaId")] string MediaId,
    [property: JsonPropertyName("provider")] string Provider,
    [property: JsonPropertyName("mimeType")] string MimeType,
    [property: JsonPropertyName("sha256"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Sha256,
    [property: JsonPropertyName("fileSize"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? FileSize,
    [property: JsonPropertyName("url"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Url,
    [property: JsonPropertyName("urlExpiresAt"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTime? UrlExpiresAt,
    [property: JsonPropertyName("requestId")] string RequestId)
{
    /// <summary>The answer for <paramref name="metadata"/> received at <paramref name="answeredAt"/>.</summary>
    public static MediaMetadataResponse From(string tenantId, string mediaId, string provider, MediaMetadata metadata, DateTimeOffset answeredAt, string requestId)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return new MediaMetadataResponse(
            tenantId,
            mediaId,
            provider,
            metadata.MimeType,
            metadata.Sha256,
            metadata.FileSize,
            metadata.Url,
            metadata.Url is not null && metadata.UrlLifetime is { } lifetime ? (answeredAt + lifetime).UtcDateTime : null,
            requestId);
    }
}
