using System.Globalization;
using System.Text.Json;
using WhatsAppMedia.Core.Retrievals;

namespace WhatsAppMedia.Core.Providers.Meta;

/// <summary>
/// Reads Meta's answer to <c>GET /{version}/{media-id}</c> (docs/providers/meta.md, "Retrieve metadata"):
/// <c>{"messaging_product":"whatsapp","url":"…","mime_type":"image/jpeg","sha256":"…","file_size":"303833","id":"…"}</c>,
/// where <c>file_size</c> comes as a string or a number. <c>url</c> and <c>mime_type</c> are required; the URL is kept as
/// Meta wrote it and checked only where the token would be sent to it (<see cref="MediaDownloadUrlPolicy"/>).
/// </summary>
internal static class MetaMediaMetadata
{
    /// <summary>Meta's media URLs work for 5 minutes (docs/providers/meta.md, "Download").</summary>
    public static readonly TimeSpan UrlLifetime = TimeSpan.FromMinutes(5);

    /// <summary>The metadata in <paramref name="body"/>, or null when it is not a metadata answer.</summary>
    public static MediaMetadata? TryRead(string? body)
    {
        using var document = ProviderJson.TryParseObject(body);
        if (document?.RootElement is not { } root
            || ProviderJson.NonBlankString(root, "mime_type") is not { } mimeType
            || ProviderJson.NonBlankString(root, "url") is not { } url)
        {
            return null;
        }

        long? size = root.TryGetProperty("file_size", out var fileSize) ? fileSize.ValueKind switch
        {
            JsonValueKind.Number when fileSize.TryGetInt64(out var number) && number >= 0 => number,
            JsonValueKind.String when long.TryParse(fileSize.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        } : null;
        return new MediaMetadata(mimeType, ProviderJson.NonBlankString(root, "sha256"), size, url, UrlLifetime);
    }
}
