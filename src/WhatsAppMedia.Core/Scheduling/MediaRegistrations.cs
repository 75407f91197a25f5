using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using WhatsAppMedia.Core.Deletions;

namespace WhatsAppMedia.Core.Scheduling;

/// <summary>The body of <c>POST …/media/registrations</c>: a default phone and 1–1000 items (docs/scheduling.md, "Retention").</summary>
internal sealed record MediaRegistrations(string? Phone, IReadOnlyList<MediaRegistrationItem> Items)
{
    /// <summary>Reads the body's shape; item-level problems come back in the items, to be reported with their index.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> body, [NotNullWhen(true)] out MediaRegistrations? registrations, [NotNullWhen(false)] out string? problem)
    {
        registrations = ItemsBody.TryParse(body, ReadItem, nonText => new MediaRegistrationItem(null, NonText: nonText), _ => { }, out var phone, out var items, out problem)
            ? new MediaRegistrations(phone, items)
            : null;
        return registrations is not null;
    }

    private static MediaRegistrationItem ReadItem(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return new MediaRegistrationItem(null);
        }

        var mediaId = item.TryGetProperty("mediaId", out var media) && media.ValueKind == JsonValueKind.String ? media.GetString() : null;
        var (phone, phoneIsMalformed) = ItemsBody.OptionalString(item, "phone");
        var (origin, originIsMalformed) = ItemsBody.OptionalString(item, "origin");
        var (at, atIsMalformed) = ItemsBody.OptionalString(item, "at");
        return new MediaRegistrationItem(mediaId, phone, phoneIsMalformed, origin, originIsMalformed, at, atIsMalformed);
    }
}
