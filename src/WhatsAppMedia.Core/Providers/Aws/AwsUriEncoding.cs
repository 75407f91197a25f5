using System.Text;

namespace WhatsAppMedia.Core.Providers.Aws;

/// <summary>
/// Percent-encoding as SigV4 defines it (RFC 3986): every byte of the UTF-8 form except the unreserved characters
/// <c>A–Z a–z 0–9 - . _ ~</c> becomes <c>%XY</c> with uppercase hex. Unlike form encoding, a space is <c>%20</c>, never
/// <c>+</c>. The same text goes on the wire and into the canonical request, so the two cannot disagree.
/// </summary>
internal static class AwsUriEncoding
{
    private const string UppercaseHex = "0123456789ABCDEF";

    public static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';

    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.All(IsUnreserved))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length * 3);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b < 0x80 && IsUnreserved((char)b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(UppercaseHex[b >> 4]).Append(UppercaseHex[b & 0xF]);
            }
        }

        return builder.ToString();
    }
}
