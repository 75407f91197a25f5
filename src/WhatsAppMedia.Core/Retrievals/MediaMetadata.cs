namespace WhatsAppMedia.Core.Retrievals;

/// <summary>
/// What a provider says about one media object (<c>GET …/media/{mediaId}</c>, docs/api.md), in the provider's own
/// values: nothing here is trusted until it is checked where it is used (<see cref="MediaDownloadUrlPolicy"/> for the
/// URL, <see cref="MediaDownloader"/> for the size and the hash).
/// </summary>
/// <param name="MimeType">The MIME type the provider gives, for example <c>image/jpeg</c>.</param>
/// <param name="Sha256">The SHA-256 of the file as the provider gives it (Meta: hex), or null where it gives none (AWS).</param>
/// <param name="FileSize">The file's size in bytes, or null where the provider gives none.</param>
/// <param name="Url">
/// Where the bytes can be fetched with the tenant's credentials, exactly as the provider wrote it, or null where it
/// gives none (AWS delivers content only into S3).
/// </param>
/// <param name="UrlLifetime">
/// How long <paramref name="Url"/> works after the answer, where the provider says (Meta: 5 minutes); null where it
/// does not, and then no expiry is claimed.
/// </param>
internal sealed record MediaMetadata(string MimeType, string? Sha256, long? FileSize, string? Url, TimeSpan? UrlLifetime = null);
