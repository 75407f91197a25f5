using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WhatsAppMedia.Sandbox.Meta;

/// <summary>
/// The download URLs the Meta imitation hands out in a metadata answer, shaped like Meta's
/// (<c>https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=…&amp;ext=…&amp;hash=…</c>; providers.md, Meta,
/// "Download"): <c>mid</c> the media id, <c>ext</c> the expiry in Unix seconds, <c>hash</c> an HMAC over both with a
/// key this sandbox made at start, so a URL whose expiry or media id was changed is refused rather than honoured.
/// They live on the sandbox's own host, under the imitation's prefix, so the server records them and applies faults.
/// </summary>
internal sealed class MetaDownloadUrls
{
    /// <summary>How long a URL works after it is issued: five minutes, as Meta documents.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>The path under the imitation's prefix, after Meta's lookaside path.</summary>
    public const string Path = "/lookaside/whatsapp_business/attachments/";

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    /// <summary>A URL for <paramref name="mediaId"/> on the server at <paramref name="imitationRoot"/> (for example <c>http://127.0.0.1:7080/meta</c>), valid for <see cref="Lifetime"/> from <paramref name="now"/>.</summary>
    public Uri Issue(string imitationRoot, string mediaId, DateTimeOffset now)
    {
        var expires = (now + Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new Uri($"{imitationRoot.TrimEnd('/')}{Path}?mid={Uri.EscapeDataString(mediaId)}&ext={expires}&hash={Hash(mediaId, expires)}");
    }

    /// <summary>Whether the URL's three parameters were issued here and are still valid at <paramref name="now"/>.</summary>
    public MetaDownloadUrlCheck Check(string? mediaId, string? expires, string? hash, DateTimeOffset now)
    {
        if (mediaId is null || expires is null || hash is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(mediaId, expires)), Encoding.ASCII.GetBytes(hash)))
        {
            return MetaDownloadUrlCheck.NotIssued;
        }

        // The hash covers ext, so it parses: only this class wrote it.
        return now.ToUnixTimeSeconds() < long.Parse(expires, CultureInfo.InvariantCulture) ? MetaDownloadUrlCheck.Valid : MetaDownloadUrlCheck.Expired;
    }

    private string Hash(string mediaId, string expires) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(mediaId + "\n" + expires))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
