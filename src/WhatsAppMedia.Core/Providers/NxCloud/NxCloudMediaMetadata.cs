using WhatsAppMedia.Core.Retrievals;

namespace WhatsAppMedia.Core.Providers.NxCloud;

/// <summary>
/// Reads getMedia's success answer, <c>{"code":0,"data":{"mime_type":"image/webp","file_name":"…","url":"https://…"}}</c>
/// (nxtele/nxcloud-doc-en wiki, "WhatsApp API getMedia"). NxCloud gives neither a size nor a hash, nor how long the URL lives.
/// </summary>
internal static class NxCloudMediaMetadata
{
    /// <summary>The metadata in <paramref name="body"/>, or null when it is not a code-0 answer with <c>mime_type</c> and <c>url</c>.</summary>
    public static MediaMetadata? TryRead(string? body)
    {
        if (NxCloudEnvelope.TryParse(body) is not { Code: NxCloudResultCodes.Success })
        {
            return null;
        }

        using var document = ProviderJson.TryParseObject(body);
        return document is not null
            && document.RootElement.TryGetProperty("data", out var data)
            && ProviderJson.NonBlankString(data, "mime_type") is { } mimeType
            && ProviderJson.NonBlankString(data, "url") is { } url
                ? new MediaMetadata(mimeType, null, null, url)
                : null;
    }
}
