namespace WhatsAppMedia.Core.Providers.NxCloud;

/// <summary>
/// NxCloud's identifier formats. Media ids in NxCloud's documents are UUIDs; anything of 1–128 letters, digits and
/// hyphens is accepted so another id style does not get refused. <c>business_phone</c> is the merchant's number in
/// international form without '+': an E.164 number has at most 15 digits and its country code never starts with 0.
/// </summary>
public static class NxCloudIdentifiers
{
    public const int MaxMediaIdLength = 128;
    public const int MinPhoneDigits = 8;
    public const int MaxPhoneDigits = 15;

    public static bool IsMediaId(string? value) =>
        value is { Length: > 0 and <= MaxMediaIdLength } && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    public static bool IsBusinessPhone(string? value) =>
        value is { Length: >= MinPhoneDigits and <= MaxPhoneDigits } && value[0] != '0' && value.All(char.IsAsciiDigit);
}
