using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Core.Retrievals;

/// <summary>
/// The outcome of asking the provider for a media file, before a byte of it is streamed: either an open
/// <see cref="Download"/>, whose body is still unread and which the caller must stream or dispose, or a
/// <see cref="Failure"/> classified as the provider's other answers are.
/// </summary>
internal sealed class MediaDownloadOpening : IDisposable
{
    private MediaDownloadOpening(OpenMediaDownload? download, ProviderAnswer? failure, bool freshUrlMayHelp)
    {
        Download = download;
        Failure = failure;
        FreshUrlMayHelp = freshUrlMayHelp;
    }

    /// <summary>The open download, its status 200 and its headers checked; null on a failure.</summary>
    public OpenMediaDownload? Download { get; }

    /// <summary>Why there is no download; null when there is one.</summary>
    public ProviderAnswer? Failure { get; }

    /// <summary>
    /// The provider refused the URL itself (401, 403, 404, 410: Meta's answer for an expired URL, docs/providers/meta.md): the
    /// metadata fetched again gives a fresh URL, worth one more try.
    /// </summary>
    public bool FreshUrlMayHelp { get; }

    public static MediaDownloadOpening Opened(OpenMediaDownload download) => new(download ?? throw new ArgumentNullException(nameof(download)), null, false);

    public static MediaDownloadOpening Failed(ProviderAnswer failure, bool freshUrlMayHelp = false) =>
        new(null, failure ?? throw new ArgumentNullException(nameof(failure)), freshUrlMayHelp);

    public void Dispose() => Download?.Dispose();
}
