using System.Text.Json;
using WhatsAppMedia.Core.Retrievals;

namespace WhatsAppMedia.Core.Providers.Aws;

/// <summary>
/// Reads <c>GetWhatsAppMessageMedia</c>'s 200 answer with <c>metadataOnly</c>: <c>{"mimeType":"…","fileSize":123}</c>.
/// AWS gives neither a hash nor a URL (the content goes only to S3).
/// </summary>
internal static class AwsMediaMetadata
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 16 };

    /// <summary>The metadata in <paramref name="body"/>, or null when it has no <c>mimeType</c>.</summary>
    public static MediaMetadata? TryRead(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body, ParseOptions);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("mimeType", out var mimeType)
                || mimeType.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(mimeType.GetString()))
            {
                return null;
            }

            long? size = root.TryGetProperty("fileSize", out var fileSize) && fileSize.ValueKind == JsonValueKind.Number
                && fileSize.TryGetInt64(out var value) && value >= 0 ? value : null;
            return new MediaMetadata(mimeType.GetString()!, null, size, null);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
