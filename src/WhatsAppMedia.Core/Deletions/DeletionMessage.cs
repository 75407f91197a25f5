using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WhatsAppMedia.Core.Deletions;

/// <summary>One queued deletion (contract §3). Only <see cref="TenantId"/> and <see cref="MediaId"/> are required; unknown fields are ignored.</summary>
public sealed record DeletionMessage(
    [property: JsonPropertyName("tenantId")] string TenantId,
    [property: JsonPropertyName("mediaId")] string MediaId,
    [property: JsonPropertyName("phone"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Phone = null,
    [property: JsonPropertyName("batchId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? BatchId = null,
    [property: JsonPropertyName("requestId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RequestId = null,
    [property: JsonPropertyName("attempt")] int Attempt = 0,
    [property: JsonPropertyName("itemIndex"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ItemIndex = null)
{
    public string ToJson() => JsonSerializer.Serialize(this, DeletionJsonContext.Default.DeletionMessage);

    /// <summary>
    /// Reads a message strictly enough that nothing half-understood is acted on: the text must be a JSON object whose
    /// required members are non-empty strings and whose optional members, when present, have their documented types.
    /// </summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out DeletionMessage? message, [NotNullWhen(false)] out string? problem)
    {
        message = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            problem = "The message is not valid JSON.";
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "The message must be a JSON object.";
                return false;
            }

            if (!TryString(root, "tenantId", required: true, out var tenantId, out problem)
                || !TryString(root, "mediaId", required: true, out var mediaId, out problem)
                || !TryString(root, "phone", required: false, out var phone, out problem)
                || !TryString(root, "batchId", required: false, out var batchId, out problem)
                || !TryString(root, "requestId", required: false, out var requestId, out problem)
                || !TryAttempt(root, out var attempt, out problem)
                || !TryItemIndex(root, out var itemIndex, out problem))
            {
                problem ??= "The message is malformed.";
                return false;
            }

            message = new DeletionMessage(tenantId!, mediaId!, phone, batchId, requestId, attempt, itemIndex);
            return true;
        }
    }

    private static bool TryString(JsonElement root, string name, bool required, out string? value, out string? problem)
    {
        value = null;
        problem = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            problem = required ? $"'{name}' is required." : null;
            return !required;
        }

        if (element.ValueKind != JsonValueKind.String || element.GetString() is not { Length: > 0 } text)
        {
            problem = $"'{name}' must be a non-empty string.";
            return false;
        }

        value = text;
        return true;
    }

    private static bool TryAttempt(JsonElement root, out int attempt, out string? problem)
    {
        attempt = 0;
        problem = null;
        if (!root.TryGetProperty("attempt", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out attempt) && attempt >= 0)
        {
            return true;
        }

        problem = "'attempt' must be a whole number of at least 0.";
        return false;
    }

    /// <summary><c>itemIndex</c>: the item's 0-based position in its batch's POST body, when the bulk endpoint queued it.</summary>
    private static bool TryItemIndex(JsonElement root, out int? itemIndex, out string? problem)
    {
        itemIndex = null;
        problem = null;
        if (!root.TryGetProperty("itemIndex", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var index) && index >= 0)
        {
            itemIndex = index;
            return true;
        }

        problem = "'itemIndex' must be a whole number of at least 0.";
        return false;
    }
}
