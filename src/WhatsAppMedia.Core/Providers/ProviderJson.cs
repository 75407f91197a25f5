using System.Text.Json;

namespace WhatsAppMedia.Core.Providers;

/// <summary>Reading a provider's JSON answer defensively: bounded depth, and nothing thrown for a body that is not JSON.</summary>
internal static class ProviderJson
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 16 };

    /// <summary><paramref name="body"/> as a JSON document whose root is an object, or null when it is empty, not JSON or not an object.</summary>
    public static JsonDocument? TryParseObject(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            var document = JsonDocument.Parse(body, ParseOptions);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The string property <paramref name="name"/> of <paramref name="element"/>, or null when it is missing, not a string or blank.</summary>
    public static string? NonBlankString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var property)
            && property.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(property.GetString())
            ? property.GetString()
            : null;
}
