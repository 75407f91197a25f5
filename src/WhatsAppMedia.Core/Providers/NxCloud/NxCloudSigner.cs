using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace WhatsAppMedia.Core.Providers.NxCloud;

/// <summary>
/// NxCloud's request signature: lowercase hex MD5 of the UTF-8 string
/// <c>accessKey={ak}&amp;action={action}&amp;bizType={bizType}&amp;ts={ts}&amp;body={body}&amp;accessSecret={secret}</c>.
/// The body goes in as the exact bytes sent, never re-serialised, because NxCloud hashes what it received.
/// </summary>
public static class NxCloudSigner
{
    /// <summary>Signs <paramref name="body"/> exactly as given (the bytes that go on the wire).</summary>
    [SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "MD5 is NxCloud's published signature scheme; the choice is the vendor's, not ours.")]
    public static string Sign(string accessKey, string action, string bizType, string ts, ReadOnlySpan<byte> body, string accessSecret)
    {
        ArgumentNullException.ThrowIfNull(accessKey);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(bizType);
        ArgumentNullException.ThrowIfNull(ts);
        ArgumentNullException.ThrowIfNull(accessSecret);

        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        md5.AppendData(Encoding.UTF8.GetBytes($"accessKey={accessKey}&action={action}&bizType={bizType}&ts={ts}&body="));
        md5.AppendData(body);
        md5.AppendData(Encoding.UTF8.GetBytes($"&accessSecret={accessSecret}"));
        return Convert.ToHexStringLower(md5.GetHashAndReset());
    }

    /// <summary>Signs a body given as text; it is encoded as UTF-8, which is how it must also be sent.</summary>
    public static string Sign(string accessKey, string action, string bizType, string ts, string body, string accessSecret)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Sign(accessKey, action, bizType, ts, Encoding.UTF8.GetBytes(body), accessSecret);
    }
}
