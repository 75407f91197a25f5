using System.Text.Json;
using WhatsAppMedia.Core.Retrievals;

namespace WhatsAppMedia.Core.Providers.NxCloud;

/// <summary>
/// Reads getMedia's success answer, <c>{"code":0,"data":{"mime_type":"image/webp","file_name":"…","url":"https://…"}}</c>
/// (nxtele/nxcloud-doc-en wiki, "WhatsApp API getMedia"). NxCloud gives neither a size nor a hash.
/// </summary>
internal static class NxCloudMediaMetadata
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 16 };

    /// <summary>The metadata in <paramref name="body"/>, or null when it is not a code-0 answer with <c>mime_type</c> and <c>url</c>.</summary>
    public static MediaMetadata? TryRead(string? body)
    {
        if (NxCloudEnvelope.TryParse(body) is not { Code: NxCloudResultCodes.Success })
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body!, ParseOptions);
            return document.RootElement.TryGetProperty("data", out var data)
                && data.ValueKind == JsonValueKind.Object
                && String(data, "mime_type") is { } mimeType
                && String(data, "url") is { } url
                    ? new MediaMetadata(mimeType, null, null, url)
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(property.GetString())
            ? property.GetString()
            : null;
}
