using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace WhatsAppMedia.Core.Deletions;

/// <summary>
/// The body of <c>POST …/media/deletions</c>: a default phone, a default <c>deleteAt</c> (as sent; the submitter checks
/// it, docs/scheduling.md) and 1–1000 items (docs/openapi.json).
/// </summary>
internal sealed record DeletionBatch(
    string? Phone, IReadOnlyList<DeletionBatchItem> Items, string? DeleteAt = null, bool DeleteAtIsMalformed = false, string? Reason = null, bool ReasonIsMalformed = false)
{
    public const int MaxItems = 1000;
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// Reads the body's shape. Item-level problems (a missing or non-string <c>mediaId</c> or <c>phone</c>) are not
    /// failures here: such items come back with null fields, so the caller reports every bad item with its index.
    /// </summary>
    public static bool TryParse(ReadOnlyMemory<byte> body, [NotNullWhen(true)] out DeletionBatch? batch, [NotNullWhen(false)] out string? problem)
    {
        (string? Value, bool IsMalformed) deleteAt = default;
        (string? Value, bool IsMalformed) reason = default;
        if (!ItemsBody.TryParse(
            body,
            ReadItem,
            nonText => new DeletionBatchItem(null, null, PhoneIsMalformed: false, nonText),
            root =>
            {
                deleteAt = ItemsBody.OptionalString(root, "deleteAt");
                reason = ItemsBody.OptionalString(root, "reason");
            },
            out var phone,
            out var items,
            out problem))
        {
            batch = null;
            return false;
        }

        batch = new DeletionBatch(phone, items, deleteAt.Value, deleteAt.IsMalformed, reason.Value, reason.IsMalformed);
        return true;
    }

    private static DeletionBatchItem ReadItem(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return new DeletionBatchItem(null, null, PhoneIsMalformed: false);
        }

        var mediaId = item.TryGetProperty("mediaId", out var media) && media.ValueKind == JsonValueKind.String ? media.GetString() : null;
        var (phone, phoneIsMalformed) = ItemsBody.OptionalString(item, "phone");
        var (deleteAt, deleteAtIsMalformed) = ItemsBody.OptionalString(item, "deleteAt");
        var (reason, reasonIsMalformed) = ItemsBody.OptionalString(item, "reason");
        return new DeletionBatchItem(mediaId, phone, phoneIsMalformed, DeleteAt: deleteAt, DeleteAtIsMalformed: deleteAtIsMalformed, Reason: reason, ReasonIsMalformed: reasonIsMalformed);
    }
}
