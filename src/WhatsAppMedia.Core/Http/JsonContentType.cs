using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace WhatsAppMedia.Core.Http;

/// <summary>
/// Whether a request body is declared as JSON (docs/openapi.json: bodies are UTF-8 JSON): <c>application/json</c> or any
/// <c>+json</c> type, with no charset or <c>utf-8</c>. Anything else is 415 <c>unsupported_media_type</c>.
/// </summary>
internal static class JsonContentType
{
    public const string Detail = "Send the body as JSON with the header 'Content-Type: application/json' (UTF-8).";

    public static bool IsJson(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || type.MediaType.Value is not { } mediaType)
        {
            return false;
        }

        var isJson = mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        var charset = type.Charset.Value;
        return isJson && (charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));
    }
}
