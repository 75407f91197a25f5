using Azure.Storage.Queues;
using WhatsAppMedia.Core.Text;

namespace WhatsAppMedia.Core.Deletions;

/// <summary>
/// The queue's message size limit as the service counts it, whatever client sends the message: the UTF-8 bytes of the
/// text as stored, that is after base64 when <c>messageEncoding</c> is <c>base64</c>. Azure Storage allows 64 KiB;
/// Azurite enforces it the same way (<c>getUTF8ByteSize(messageText) &gt; MESSAGETEXT_LENGTH_MAX</c>, 65536, in
/// azurite/src/queue/handlers/MessagesHandler.ts).
/// </summary>
internal static class QueueMessageSize
{
    /// <summary>The largest stored message, in bytes.</summary>
    public const int MaxStoredBytes = 64 * 1024;

    /// <summary>How many bytes <paramref name="text"/> occupies in the queue under <paramref name="encoding"/>.</summary>
    /// <exception cref="System.Text.EncoderFallbackException">The text holds a lone surrogate and has no UTF-8 form.</exception>
    public static int StoredBytes(string text, QueueMessageEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(text);
        var utf8 = JsonStrings.StrictUtf8.GetByteCount(text);
        return encoding == QueueMessageEncoding.Base64 ? (utf8 + 2) / 3 * 4 : utf8;
    }

    public static bool Fits(string text, QueueMessageEncoding encoding, int maxStoredBytes = MaxStoredBytes) =>
        StoredBytes(text, encoding) <= maxStoredBytes;
}
