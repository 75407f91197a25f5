using System.Text.RegularExpressions;

namespace WhatsAppMedia.Core.Providers.Meta;

/// <summary>Meta's identifier formats: media ids and phone_number_ids are numeric strings; Graph versions look like <c>v23.0</c>.</summary>
internal static partial class MetaIdentifiers
{
    /// <summary>Meta ids are 64-bit numbers in practice; 32 digits leaves room without admitting absurd input.</summary>
    public const int MaxIdLength = 32;

    public static bool IsMediaId(string? value) => IsNumericId(value);

    public static bool IsPhoneNumberId(string? value) => IsNumericId(value);

    public static bool IsGraphVersion(string? value) => value is not null && GraphVersionPattern().IsMatch(value);

    /// <summary>
    /// Checks a deletion target: the media id must be numeric and the phone, when given, a numeric
    /// <c>phone_number_id</c>. The phone is optional because Meta deletes by media id alone; with it, Meta also
    /// checks that the number owns the media. Messages never repeat the refused value.
    /// </summary>
    public static IdentifierError? Check(MediaTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!IsMediaId(target.MediaId))
        {
            return new IdentifierError(ErrorCodes.InvalidMediaId, $"A Meta media id is 1 to {MaxIdLength} ASCII digits.");
        }

        if (target.Phone is not null && !IsPhoneNumberId(target.Phone))
        {
            return new IdentifierError(ErrorCodes.InvalidPhone, $"A Meta phone_number_id is 1 to {MaxIdLength} ASCII digits.");
        }

        return null;
    }

    private static bool IsNumericId(string? value) =>
        value is { Length: > 0 and <= MaxIdLength } && value.All(char.IsAsciiDigit);

    // \z, not $: $ would also match before a trailing newline, and the version goes into the URL path.
    [GeneratedRegex(@"^v[0-9]{1,3}\.[0-9]{1,2}\z", RegexOptions.CultureInvariant)]
    private static partial Regex GraphVersionPattern();
}
