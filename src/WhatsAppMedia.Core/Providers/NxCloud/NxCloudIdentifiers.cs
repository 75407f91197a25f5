namespace WhatsAppMedia.Core.Providers.NxCloud;

/// <summary>
/// NxCloud's identifier formats. Media ids in NxCloud's documents are UUIDs; anything of 1–128 letters, digits and
/// hyphens is accepted so another id style does not get refused. <c>business_phone</c> is the merchant's number in
/// international form without '+': an E.164 number has at most 15 digits and its country code never starts with 0.
/// </summary>
internal static class NxCloudIdentifiers
{
    public const int MaxMediaIdLength = 128;
    public const int MinPhoneDigits = 8;
    public const int MaxPhoneDigits = 15;

    public static bool IsMediaId(string? value) =>
        value is { Length: > 0 and <= MaxMediaIdLength } && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    public static bool IsBusinessPhone(string? value) =>
        value is { Length: >= MinPhoneDigits and <= MaxPhoneDigits } && value[0] != '0' && value.All(char.IsAsciiDigit);

    /// <summary>
    /// Checks a <c>business_phone</c>: <see cref="ErrorCodes.PhoneRequired"/> when there is none,
    /// <see cref="ErrorCodes.InvalidPhone"/> when it is not <see cref="IsBusinessPhone"/>; null when usable. A leading
    /// '+' is refused rather than stripped: identifiers are validated as given and never rewritten, so what is logged
    /// is what was sent. The messages never repeat the value.
    /// </summary>
    public static IdentifierError? CheckBusinessPhone(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return new IdentifierError(ErrorCodes.PhoneRequired, "NxCloud needs the business phone number (business_phone) that owns the media.");
        }

        if (value.StartsWith('+'))
        {
            return new IdentifierError(ErrorCodes.InvalidPhone, "NxCloud's business_phone is written without '+': digits only, country code first.");
        }

        return IsBusinessPhone(value)
            ? null
            : new IdentifierError(
                ErrorCodes.InvalidPhone,
                $"NxCloud's business_phone is {MinPhoneDigits}–{MaxPhoneDigits} digits with the country code first: no '+', spaces, separators or leading 0.");
    }
}
