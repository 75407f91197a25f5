using System.Text.Json;
using Azure;

namespace WhatsAppMedia.Core.Tenants;

/// <summary>
/// Reads Key Vault's error body, <c>{"error":{"code":"Forbidden","message":"…","innererror":{"code":"SecretDisabled"}}}</c>
/// (https://learn.microsoft.com/rest/api/keyvault/secrets/get-secret/get-secret#keyvaulterror). The client's
/// <see cref="RequestFailedException.ErrorCode"/> is only the outer code, which is <c>Forbidden</c> for a disabled secret
/// and for a refused identity alike; the inner code tells them apart.
/// </summary>
internal static class KeyVaultErrorBody
{
    /// <summary>Key Vault's inner error code for a get of a disabled secret.</summary>
    public const string SecretDisabled = "SecretDisabled";

    /// <summary>The inner error's code of the failed response, or null when the body has none or is no such JSON.</summary>
    public static string? InnerErrorCode(RequestFailedException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception.GetRawResponse()?.Content is not { } content)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(content.ToMemory());
            return Property(document.RootElement, "error") is { } error
                && Property(error, "innererror") is { } inner
                && Property(inner, "code") is { ValueKind: JsonValueKind.String } code
                ? code.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A property by name ignoring case: the service writes <c>innererror</c>, some SDKs re-serialise it as <c>innerError</c>.</summary>
    private static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}
