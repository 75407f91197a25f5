namespace WhatsAppMedia.Sandbox.Meta;

/// <summary>
/// The download URLs the Meta imitation hands out in a metadata answer, shaped like Meta's
/// (<c>https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=…&amp;ext=…&amp;hash=…</c>;
/// docs/providers/meta.md, "Download"): <c>mid</c> the media id, <c>ext</c> the expiry in Unix seconds, <c>hash</c> the sandbox's signature
/// over both (<see cref="SignedUrls"/>), so a URL whose expiry or media id was changed is refused rather than honoured.
/// They live on the sandbox's own host, under the imitation's prefix, so the server records them and applies faults.
/// </summary>
internal sealed class MetaDownloadUrls
{
    /// <summary>The path under the imitation's prefix, after Meta's lookaside path.</summary>
    public const string Path = "/lookaside/whatsapp_business/attachments/";

    /// <summary>Five minutes, as Meta documents.</summary>
    private readonly SignedUrls _signatures = new(TimeSpan.FromMinutes(5));

    /// <summary>A URL for <paramref name="mediaId"/> on the server at <paramref name="imitationRoot"/> (for example <c>http://127.0.0.1:7080/meta</c>), valid for five minutes from <paramref name="now"/>.</summary>
    public Uri Issue(string imitationRoot, string mediaId, DateTimeOffset now)
    {
        var (expires, hash) = _signatures.Issue(mediaId, now);
        return new Uri($"{imitationRoot.TrimEnd('/')}{Path}?mid={Uri.EscapeDataString(mediaId)}&ext={expires}&hash={hash}");
    }

    /// <summary>Whether the URL's three parameters were issued here and are still valid at <paramref name="now"/>.</summary>
    public SignedUrlCheck Check(string? mediaId, string? expires, string? hash, DateTimeOffset now) => _signatures.Check(mediaId, expires, hash, now);
}
