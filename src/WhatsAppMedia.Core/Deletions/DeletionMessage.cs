using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Text;

namespace WhatsAppMedia.Core.Deletions;

/// <summary>One queued deletion (docs/formats.md, "Queue message"). Only <see cref="TenantId"/> and <see cref="MediaId"/> are required; unknown fields are ignored.</summary>
internal sealed record DeletionMessage(
    [property: JsonPropertyName("tenantId")] string TenantId,
    [property: JsonPropertyName("mediaId")] string MediaId,
    [property: JsonPropertyName("phone"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Phone = null,
    [property: JsonPropertyName("batchId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? BatchId = null,
    [property: JsonPropertyName("requestId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RequestId = null,
    [property: JsonPropertyName("attempt")] int Attempt = 0,
    [property: JsonPropertyName("itemIndex"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ItemIndex = null,
    [property: JsonPropertyName("notBefore"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? NotBefore = null,
    [property: JsonPropertyName("deleteAt"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? DeleteAt = null,
    [property: JsonPropertyName("reason"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null,
    [property: JsonPropertyName("requestedBy"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RequestedBy = null)
{
    public string ToJson() => JsonSerializer.Serialize(this, DeletionJsonContext.Default.DeletionMessage);

    /// <summary>
    /// Reads a message strictly enough that nothing half-understood is acted on: the text must be a JSON object whose
    /// required members are non-empty strings and whose optional members, when present, have their documented types.
    /// </summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out DeletionMessage? message, [NotNullWhen(false)] out string? problem)
    {
        var parsed = TryRead(text, out message, out var refusal);
        problem = refusal?.Message;
        return parsed;
    }

    /// <summary>
    /// As <see cref="TryParse"/>, with the contract code of a refusal: a required or optional member that is not text
    /// (an unpaired surrogate escape) is refused with its field's code (<c>invalid_tenant_id</c>, <c>invalid_media_id</c>,
    /// <c>invalid_phone</c>), anything else with <c>malformed_message</c>.
    /// </summary>
    public static bool TryRead(string text, [NotNullWhen(true)] out DeletionMessage? message, [NotNullWhen(false)] out IdentifierError? refusal)
    {
        ArgumentNullException.ThrowIfNull(text);
        message = null;
        if (!QueueMessageJson.TryParseObject(text, out var document, out var utf8, out var problem))
        {
            refusal = new IdentifierError(ErrorCodes.MalformedMessage, problem);
            return false;
        }

        using (document)
        {
            var root = document.RootElement;

            // Reading such a string (or looking past such a property name) throws; it is refused before anything is read.
            if (JsonStrings.FindNonText(utf8, max: 1) is [var nonText])
            {
                refusal = new IdentifierError(CodeForNonText(nonText), nonText.Problem());
                return false;
            }

            if (!TryString(root, "tenantId", required: true, out var tenantId, out problem)
                || !TryString(root, "mediaId", required: true, out var mediaId, out problem)
                || !TryString(root, "phone", required: false, out var phone, out problem)
                || !TryString(root, "batchId", required: false, out var batchId, out problem)
                || !TryString(root, "requestId", required: false, out var requestId, out problem)
                || !TryAttempt(root, out var attempt, out problem)
                || !TryItemIndex(root, out var itemIndex, out problem)
                || !TryTime(root, "notBefore", out var notBefore, out problem)
                || !TryTime(root, "deleteAt", out var deleteAt, out problem)
                || !TryString(root, "reason", required: false, out var reason, out problem)
                || !TryString(root, "requestedBy", required: false, out var requestedBy, out problem))
            {
                refusal = new IdentifierError(ErrorCodes.MalformedMessage, problem ?? "The message is malformed.");
                return false;
            }

            message = new DeletionMessage(tenantId!, mediaId!, phone, batchId, requestId, attempt, itemIndex, notBefore, deleteAt, reason, requestedBy);
            refusal = null;
            return true;
        }
    }

    private static string CodeForNonText(NonTextString nonText) => nonText.Segments is [string field] && !nonText.IsPropertyName
        ? field switch
        {
            "tenantId" => ErrorCodes.InvalidTenantId,
            "mediaId" => ErrorCodes.InvalidMediaId,
            "phone" => ErrorCodes.InvalidPhone,
            _ => ErrorCodes.MalformedMessage,
        }
        : ErrorCodes.MalformedMessage;

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

    /// <summary>
    /// <c>notBefore</c> (the slot of the tenant's request budget the message holds; docs/pacing.md) or <c>deleteAt</c> (the
    /// time it is scheduled for; docs/scheduling.md): ISO 8601 with an offset.
    /// </summary>
    private static bool TryTime(JsonElement root, string name, out DateTimeOffset? time, out string? problem)
    {
        time = null;
        problem = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind == JsonValueKind.String && element.TryGetDateTimeOffset(out var value))
        {
            time = value.ToUniversalTime();
            return true;
        }

        problem = $"'{name}' must be an ISO 8601 date and time with an offset.";
        return false;
    }
}
