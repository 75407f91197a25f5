using System.Text.RegularExpressions;

namespace WhatsAppMedia.Core.Providers.Meta;

/// <summary>Meta's identifier formats: media ids and phone_number_ids are numeric strings.</summary>
public static partial class MetaIdentifiers
{
    /// <summary>Meta ids are 64-bit numbers in practice; 32 digits leaves room without admitting absurd input.</summary>
    public const int MaxIdLength = 32;

    public static bool IsMediaId(string? value) => IsNumericId(value);

    public static bool IsPhoneNumberId(string? value) => IsNumericId(value);

    public static bool IsGraphVersion(string? value) => value is not null && GraphVersionPattern().IsMatch(value);

    private static bool IsNumericId(string? value) =>
        value is { Length: > 0 and <= MaxIdLength } && value.All(char.IsAsciiDigit);

    [GeneratedRegex(@"^v[0-9]{1,3}\.[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex GraphVersionPattern();
}
