using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using WhatsAppMedia.Core.Text;

namespace WhatsAppMedia.Core.Deletions;

/// <summary>
/// The body of <c>POST …/media/deletions</c>: a default phone, a default <c>deleteAt</c> (as sent; the submitter checks
/// it, docs/scheduling.md) and 1–1000 items (docs/openapi.json).
/// </summary>
internal sealed record DeletionBatch(string? Phone, IReadOnlyList<DeletionBatchItem> Items, string? DeleteAt = null, bool DeleteAtIsMalformed = false)
{
    public const int MaxItems = 1000;
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// Reads the body's shape. Item-level problems (a missing or non-string <c>mediaId</c> or <c>phone</c>) are not
    /// failures here: such items come back with null fields, so the caller reports every bad item with its index.
    /// </summary>
    public static bool TryParse(ReadOnlyMemory<byte> body, [NotNullWhen(true)] out DeletionBatch? batch, [NotNullWhen(false)] out string? problem)
    {
        batch = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            problem = "The body is not valid JSON.";
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "The body must be a JSON object with an 'items' array.";
                return false;
            }

            // Strings that are not text make the reads below throw; an item's own is reported with its index.
            var nonTextItems = new Dictionary<int, NonTextString>();
            foreach (var nonText in JsonStrings.FindNonText(body.Span))
            {
                if (nonText.Segments is ["items", int index, ..])
                {
                    nonTextItems.TryAdd(index, nonText);
                    continue;
                }

                problem = nonText.Problem();
                return false;
            }

            string? phone = null;
            if (root.TryGetProperty("phone", out var phoneElement) && phoneElement.ValueKind != JsonValueKind.Null)
            {
                if (phoneElement.ValueKind != JsonValueKind.String)
                {
                    problem = "'phone' must be a string.";
                    return false;
                }

                phone = phoneElement.GetString();
            }

            if (!root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                problem = "'items' must be an array.";
                return false;
            }

            var count = items.GetArrayLength();
            if (count is 0 or > MaxItems)
            {
                problem = $"'items' must hold 1 to {MaxItems} items; it holds {count}.";
                return false;
            }

            var (deleteAt, deleteAtIsMalformed) = OptionalString(root, "deleteAt");
            batch = new DeletionBatch(
                phone,
                items.EnumerateArray().Select((item, index) => nonTextItems.TryGetValue(index, out var nonText)
                    ? new DeletionBatchItem(null, null, PhoneIsMalformed: false, nonText)
                    : ReadItem(item)).ToList(),
                deleteAt,
                deleteAtIsMalformed);
            problem = null;
            return true;
        }
    }

    private static DeletionBatchItem ReadItem(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return new DeletionBatchItem(null, null, PhoneIsMalformed: false);
        }

        var mediaId = item.TryGetProperty("mediaId", out var media) && media.ValueKind == JsonValueKind.String ? media.GetString() : null;
        var (phone, phoneIsMalformed) = OptionalString(item, "phone");
        var (deleteAt, deleteAtIsMalformed) = OptionalString(item, "deleteAt");
        return new DeletionBatchItem(mediaId, phone, phoneIsMalformed, DeleteAt: deleteAt, DeleteAtIsMalformed: deleteAtIsMalformed);
    }

    /// <summary>An optional string member: absent or null is null; any other kind of value is malformed.</summary>
    private static (string? Value, bool IsMalformed) OptionalString(JsonElement element, string name) =>
        !element.TryGetProperty(name, out var member) || member.ValueKind == JsonValueKind.Null ? (null, false)
        : member.ValueKind == JsonValueKind.String ? (member.GetString(), false)
        : (null, true);
}
