using System.Text.RegularExpressions;

namespace WhatsAppMedia.Core.Providers.Aws;

/// <summary>
/// The identifier formats of AWS End User Messaging Social, checked before anything is built from them: media ids,
/// origination phone number ids (plain or as an ARN), and region names, which become part of a host name.
/// </summary>
public static partial class AwsIdentifiers
{
    public const int MaxMediaIdLength = 100;
    public const int MaxPhoneNumberIdLength = 100;
    public const int MaxAccessKeyIdLength = 128;
    public const int MaxRegionLength = 32;

    // One statement of a region name's shape, used on its own and inside the phone number ARN.
    private const string RegionShape = @"[a-z]{2,4}(?:-[a-z]{1,12}){1,3}-[0-9]{1,2}";

    /// <summary>1–100 ASCII letters or digits.</summary>
    public static bool IsMediaId(string? value) =>
        value is { Length: > 0 and <= MaxMediaIdLength } && value.All(char.IsAsciiLetterOrDigit);

    /// <summary>
    /// <c>phone-number-id-{id}</c> or <c>arn:{partition}:social-messaging:{region}:{account}:phone-number-id/{id}</c>,
    /// at most 100 characters, <c>{id}</c> being ASCII letters and digits.
    /// </summary>
    public static bool IsPhoneNumberId(string? value) =>
        value is { Length: > 0 and <= MaxPhoneNumberIdLength } && (PhoneNumberIdPattern().IsMatch(value) || PhoneNumberArnPattern().IsMatch(value));

    /// <summary>
    /// Checks an origination phone number id: <see cref="ErrorCodes.PhoneRequired"/> when there is none,
    /// <see cref="ErrorCodes.InvalidPhone"/> when it is not <see cref="IsPhoneNumberId"/>; null when usable. The messages
    /// never repeat the value.
    /// </summary>
    public static IdentifierError? CheckPhoneNumberId(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return new IdentifierError(ErrorCodes.PhoneRequired, "AWS needs the origination phone number id that owns the media.");
        }

        return IsPhoneNumberId(value)
            ? null
            : new IdentifierError(
                ErrorCodes.InvalidPhone,
                "An AWS origination phone number id is 'phone-number-id-' followed by letters and digits, or its ARN, at most 100 characters.");
    }

    /// <summary>A region name such as <c>us-east-1</c>, <c>ap-southeast-2</c> or <c>us-gov-west-1</c>; nothing that could change a host name.</summary>
    public static bool IsRegion(string? value) => value is { Length: <= MaxRegionLength } && RegionPattern().IsMatch(value);

    /// <summary>An IAM access key id: 1–128 ASCII letters or digits (it goes into the <c>Authorization</c> header).</summary>
    public static bool IsAccessKeyId(string? value) =>
        value is { Length: > 0 and <= MaxAccessKeyIdLength } && value.All(char.IsAsciiLetterOrDigit);

    // \z rather than $: $ also matches before a final line feed, which would let "id\n" through.
    [GeneratedRegex(@"\Aphone-number-id-[0-9A-Za-z]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneNumberIdPattern();

    [GeneratedRegex(@"\Aarn:aws(-[a-z]+){0,2}:social-messaging:" + RegionShape + @":[0-9]{12}:phone-number-id/[0-9A-Za-z]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneNumberArnPattern();

    [GeneratedRegex(@"\A" + RegionShape + @"\z", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();
}
