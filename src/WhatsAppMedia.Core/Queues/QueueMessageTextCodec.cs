using System.Text;
using System.Xml;
using WhatsAppMedia.Core.Text;

namespace WhatsAppMedia.Core.Queues;

/// <summary>Turns message text into what the queue stores, and back, per <see cref="QueueMessageEncoding"/>.</summary>
internal static class QueueMessageTextCodec
{
    /// <summary>The service's limit on the stored (encoded) message text.</summary>
    public const int MaxStoredBytes = 64 * 1024;

    /// <summary>Refuses what it cannot represent rather than replacing it with U+FFFD and changing the message.</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="ArgumentException">The text cannot be carried, or is too large once encoded.</exception>
    public static string Encode(string text, QueueMessageEncoding encoding, string parameterName)
    {
        if (JsonStrings.FindLoneSurrogate(text) is { } brokenAt)
        {
            throw new ArgumentException($"The message text has an unpaired surrogate at index {brokenAt}; it is not valid Unicode.", parameterName);
        }

        string stored;
        if (encoding == QueueMessageEncoding.Base64)
        {
            stored = Convert.ToBase64String(StrictUtf8.GetBytes(text));
        }
        else
        {
            if (FindCharacterXmlCannotCarry(text) is { } invalidAt)
            {
                throw new ArgumentException(
                    $"The message text has a character at index {invalidAt} that XML cannot carry; use base64 message encoding for such text.",
                    parameterName);
            }

            stored = text;
        }

        var storedBytes = StrictUtf8.GetByteCount(stored);
        if (storedBytes > MaxStoredBytes)
        {
            throw new ArgumentException(
                $"The message text is {storedBytes} bytes once encoded as {encoding}; the queue's limit is {MaxStoredBytes} bytes.",
                parameterName);
        }

        return stored;
    }

    /// <summary>The text a producer meant, or null when the stored text is not valid for the encoding.</summary>
    public static string? Decode(string stored, QueueMessageEncoding encoding)
    {
        if (encoding == QueueMessageEncoding.None)
        {
            return stored;
        }

        var bytes = new byte[(stored.Length / 4 * 3) + 3];
        if (!Convert.TryFromBase64String(stored, bytes, out var written))
        {
            return null;
        }

        try
        {
            return StrictUtf8.GetString(bytes, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static int? FindCharacterXmlCannotCarry(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i]) && !XmlConvert.IsXmlChar(text[i]))
            {
                return i;
            }
        }

        return null;
    }
}
