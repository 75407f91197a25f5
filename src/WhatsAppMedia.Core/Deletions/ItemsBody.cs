using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using WhatsAppMedia.Core.Text;

namespace WhatsAppMedia.Core.Deletions;

/// <summary>
/// The shape both bulk bodies share (<c>POST …/media/deletions</c> and <c>…/media/registrations</c>, docs/api.md): a JSON
/// object with an optional default <c>phone</c> and 1–<see cref="DeletionBatch.MaxItems"/> <c>items</c>. Item-level
/// problems are not failures here: each item is read by the caller's reader, so every bad item is reported with its index.
/// </summary>
internal static class ItemsBody
{
    /// <param name="readItem">Reads one item (any JSON value).</param>
    /// <param name="nonTextItem">The item whose string at the given place is not text; nothing else of it is read.</param>
    /// <param name="readRoot">Reads the body's other members while the document is open.</param>
    public static bool TryParse<TItem>(
        ReadOnlyMemory<byte> body,
        Func<JsonElement, TItem> readItem,
        Func<NonTextString, TItem> nonTextItem,
        Action<JsonElement> readRoot,
        out string? phone,
        [NotNullWhen(true)] out IReadOnlyList<TItem>? items,
        [NotNullWhen(false)] out string? problem)
    {
        phone = null;
        items = null;
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

            if (root.TryGetProperty("phone", out var phoneElement) && phoneElement.ValueKind != JsonValueKind.Null)
            {
                if (phoneElement.ValueKind != JsonValueKind.String)
                {
                    problem = "'phone' must be a string.";
                    return false;
                }

                phone = phoneElement.GetString();
            }

            if (!root.TryGetProperty("items", out var array) || array.ValueKind != JsonValueKind.Array)
            {
                problem = "'items' must be an array.";
                return false;
            }

            var count = array.GetArrayLength();
            if (count is 0 or > DeletionBatch.MaxItems)
            {
                problem = $"'items' must hold 1 to {DeletionBatch.MaxItems} items; it holds {count}.";
                return false;
            }

            readRoot(root);
            items = array.EnumerateArray().Select((item, index) => nonTextItems.TryGetValue(index, out var nonText) ? nonTextItem(nonText) : readItem(item)).ToList();
            problem = null;
            return true;
        }
    }

    /// <summary>An optional string member: absent or null is null; any other kind of value is malformed.</summary>
    public static (string? Value, bool IsMalformed) OptionalString(JsonElement element, string name) =>
        !element.TryGetProperty(name, out var member) || member.ValueKind == JsonValueKind.Null ? (null, false)
        : member.ValueKind == JsonValueKind.String ? (member.GetString(), false)
        : (null, true);
}
