using System.Buffers;
using System.Text;

namespace WhatsAppMedia.Core.Providers;

/// <summary>
/// Reads a provider's answer body, at most <see cref="MaxBytes"/> of it. Every answer the providers document (JSON
/// success and error bodies) is far smaller; a longer one (a proxy's error page, or a broken or hostile provider
/// streaming without end) is classified from its start, and the rest is neither read nor buffered: disposing the
/// response drops the connection. Callers must send with <see cref="HttpCompletionOption.ResponseHeadersRead"/>, or
/// <see cref="HttpClient"/> buffers the whole body before this sees it.
/// </summary>
internal static class ProviderResponseBody
{
    /// <summary>The most of an answer body that is read: 64 KiB.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>The body's first <see cref="MaxBytes"/> bytes as UTF-8; a character cut at the end becomes U+FFFD.</summary>
    public static async Task<string> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBytes);
        try
        {
            var length = 0;
            int read;
            while (length < MaxBytes && (read = await stream.ReadAsync(buffer.AsMemory(length, MaxBytes - length), cancellationToken)) > 0)
            {
                length += read;
            }

            return Encoding.UTF8.GetString(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
