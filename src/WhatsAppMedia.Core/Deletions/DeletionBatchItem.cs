using WhatsAppMedia.Core.Text;

namespace WhatsAppMedia.Core.Deletions;

/// <summary>
/// One item of a batch as sent: <see cref="MediaId"/> is null when it was missing or not a string; <see cref="NonText"/>
/// is the item's first string that is not text (then nothing else of the item was read). <see cref="DeleteAt"/> is the
/// item's <c>deleteAt</c> as sent, checked by the submitter (docs/scheduling.md, "deleteAt").
/// </summary>
internal sealed record DeletionBatchItem(
    string? MediaId, string? Phone, bool PhoneIsMalformed, NonTextString? NonText = null, string? DeleteAt = null, bool DeleteAtIsMalformed = false);
