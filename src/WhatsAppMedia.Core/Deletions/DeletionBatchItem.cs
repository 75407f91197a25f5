using WhatsAppMedia.Core.Text;

namespace WhatsAppMedia.Core.Deletions;

/// <summary>
/// One item of a batch as sent: <see cref="MediaId"/> is null when it was missing or not a string; <see cref="NonText"/>
/// is the item's first string that is not text (then nothing else of the item was read). <see cref="DeleteAt"/> is the
/// item's <c>deleteAt</c> as sent, checked by the submitter (docs/scheduling.md, "deleteAt"). A registration's item
/// (docs/scheduling.md, "Retention") may instead carry <see cref="ExpiredAtProvider"/>: the provider drops the media
/// before the deletion would be due, so the item is recorded settled and nothing is queued. <see cref="Reason"/> is the
/// item's <c>reason</c> as sent (docs/receipts.md, "Reason").
/// </summary>
internal sealed record DeletionBatchItem(
    string? MediaId,
    string? Phone,
    bool PhoneIsMalformed,
    NonTextString? NonText = null,
    string? DeleteAt = null,
    bool DeleteAtIsMalformed = false,
    DateTimeOffset? ExpiredAtProvider = null,
    string? Reason = null,
    bool ReasonIsMalformed = false);
