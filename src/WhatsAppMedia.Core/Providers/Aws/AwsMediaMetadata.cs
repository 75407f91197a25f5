using System.Text.Json;
using WhatsAppMedia.Core.Retrievals;

namespace WhatsAppMedia.Core.Providers.Aws;

/// <summary>
/// Reads <c>GetWhatsAppMessageMedia</c>'s 200 answer with <c>metadataOnly</c>: <c>{"mimeType":"…","fileSize":123}</c>.
/// AWS gives neither a hash nor a URL (the content goes only to S3). <c>fileSize</c> is in KB, "The size of the media
/// file, in KB" (https://docs.aws.amazon.com/social-messaging/latest/APIReference/API_GetWhatsAppMessageMedia.html), so the
/// size read is KB × 1024 bytes: approximate, never exact to the byte (README.md, "Try it").
/// </summary>
internal static class AwsMediaMetadata
{
    public const long BytesPerKilobyte = 1024;

    /// <summary>The metadata in <paramref name="body"/>, or null when it has no <c>mimeType</c>.</summary>
    public static MediaMetadata? TryRead(string? body)
    {
        using var document = ProviderJson.TryParseObject(body);
        if (document?.RootElement is not { } root || ProviderJson.NonBlankString(root, "mimeType") is not { } mimeType)
        {
            return null;
        }

        // A size whose bytes would not fit a long is no size at all.
        long? size = root.TryGetProperty("fileSize", out var fileSize) && fileSize.ValueKind == JsonValueKind.Number
            && fileSize.TryGetInt64(out var kilobytes) && kilobytes is >= 0 and <= long.MaxValue / BytesPerKilobyte
            ? kilobytes * BytesPerKilobyte
            : null;
        return new MediaMetadata(mimeType, null, size, null);
    }
}
