namespace WhatsAppMedia.Core.Retrievals;

/// <summary>
/// A provider's 200 answer for a media file whose headers passed every check and whose body is not read yet, with
/// what the answer to the caller is built from. Owns the provider's response: disposing it closes the connection,
/// which is how an unfinished download is cancelled.
/// </summary>
/// <param name="Response">The provider's response, read with <see cref="HttpCompletionOption.ResponseHeadersRead"/>.</param>
/// <param name="ContentType">The checked MIME type for the caller's <c>Content-Type</c>.</param>
/// <param name="Length">The size in bytes the body must have, or null when neither the metadata nor the provider's answer says.</param>
/// <param name="Sha256">The lowercase hex SHA-256 the bytes must have, or null when the provider gives none.</param>
/// <param name="MaxBytes">The most bytes that may arrive when <paramref name="Length"/> is unknown (<c>Providers:Meta:MaxDownloadBytes</c>).</param>
/// <param name="IdleTimeout">How long one read may wait for bytes before the download counts as stalled.</param>
internal sealed record OpenMediaDownload(
    HttpResponseMessage Response,
    string ContentType,
    long? Length,
    string? Sha256,
    long MaxBytes,
    TimeSpan IdleTimeout) : IDisposable
{
    public void Dispose() => Response.Dispose();
}
