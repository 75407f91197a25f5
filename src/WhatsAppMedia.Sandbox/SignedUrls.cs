using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WhatsAppMedia.Sandbox;

/// <summary>
/// The signature a provider puts in a download URL it hands out, so the URL works for a while and cannot be bent to
/// another object or a later expiry: an HMAC over the object and the expiry (Unix seconds) with a key this sandbox
/// made at start. Each imitation names the query parameters its provider uses.
/// </summary>
internal sealed class SignedUrls(TimeSpan lifetime)
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    /// <summary>How long a URL works after it is issued.</summary>
    public TimeSpan Lifetime { get; } = lifetime;

    /// <summary>The expiry (Unix seconds, as text) and signature (base64url) of a URL for <paramref name="objectId"/> issued at <paramref name="now"/>.</summary>
    public (string Expires, string Signature) Issue(string objectId, DateTimeOffset now)
    {
        var expires = (now + Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return (expires, Sign(objectId, expires));
    }

    /// <summary>Whether the three values were issued here and are still valid at <paramref name="now"/>.</summary>
    public SignedUrlCheck Check(string? objectId, string? expires, string? signature, DateTimeOffset now)
    {
        if (objectId is null || expires is null || signature is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(objectId, expires)), Encoding.ASCII.GetBytes(signature)))
        {
            return SignedUrlCheck.NotIssued;
        }

        // The signature covers the expiry, so it parses: only this class wrote it.
        return now.ToUnixTimeSeconds() < long.Parse(expires, CultureInfo.InvariantCulture) ? SignedUrlCheck.Valid : SignedUrlCheck.Expired;
    }

    private string Sign(string objectId, string expires) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(objectId + "\n" + expires))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
