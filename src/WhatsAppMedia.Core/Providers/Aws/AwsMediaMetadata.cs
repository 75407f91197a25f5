using System.Text.Json;
using WhatsAppMedia.Core.Retrievals;

namespace WhatsAppMedia.Core.Providers.Aws;

/// <summary>
/// Reads <c>GetWhatsAppMessageMedia</c>'s 200 answer with <c>metadataOnly</c>: <c>{"mimeType":"…","fileSize":123}</c>.
/// AWS gives neither a hash nor a URL (the content goes only to S3).
/// </summary>
internal static class AwsMediaMetadata
{
    /// <summary>The metadata in <paramref name="body"/>, or null when it has no <c>mimeType</c>.</summary>
    public static MediaMetadata? TryRead(string? body)
    {
        using var document = ProviderJson.TryParseObject(body);
        if (document?.RootElement is not { } root || ProviderJson.NonBlankString(root, "mimeType") is not { } mimeType)
        {
            return null;
        }

        long? size = root.TryGetProperty("fileSize", out var fileSize) && fileSize.ValueKind == JsonValueKind.Number
            && fileSize.TryGetInt64(out var value) && value >= 0 ? value : null;
        return new MediaMetadata(mimeType, null, size, null);
    }
}
