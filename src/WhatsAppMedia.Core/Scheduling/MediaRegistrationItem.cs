using WhatsAppMedia.Core.Text;

namespace WhatsAppMedia.Core.Scheduling;

/// <summary>
/// One item of <c>POST …/media/registrations</c> as sent (docs/scheduling.md, "Retention"): null fields were missing or,
/// with their <c>…IsMalformed</c> flag, not strings; <see cref="NonText"/> is its first string that is not text.
/// </summary>
internal sealed record MediaRegistrationItem(
    string? MediaId,
    string? Phone = null,
    bool PhoneIsMalformed = false,
    string? Origin = null,
    bool OriginIsMalformed = false,
    string? At = null,
    bool AtIsMalformed = false,
    NonTextString? NonText = null);
