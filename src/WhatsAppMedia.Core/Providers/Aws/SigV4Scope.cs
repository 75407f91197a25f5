namespace WhatsAppMedia.Core.Providers.Aws;

/// <summary>
/// The credential scope <c>{date}/{region}/{service}/aws4_request</c>: what a signing key is valid for. Each part is
/// checked, so no value can smuggle a <c>/</c> or a line break into the string to sign or the <c>Authorization</c> header.
/// </summary>
public sealed record SigV4Scope
{
    public const string Terminator = "aws4_request";

    /// <param name="date">The UTC date of the request, <c>yyyyMMdd</c>.</param>
    /// <param name="region">The region, for example <c>us-east-1</c>.</param>
    /// <param name="service">The signing name of the service, for example <c>social-messaging</c>.</param>
    /// <exception cref="ArgumentException">A part is empty or holds characters other than lowercase letters, digits and <c>-</c>.</exception>
    public SigV4Scope(string date, string region, string service)
    {
        if (date is not { Length: 8 } || !date.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("The scope date must be yyyyMMdd.", nameof(date));
        }

        Date = date;
        Region = CheckedPart(region, nameof(region));
        Service = CheckedPart(service, nameof(service));
    }

    public string Date { get; }

    public string Region { get; }

    public string Service { get; }

    public override string ToString() => $"{Date}/{Region}/{Service}/{Terminator}";

    private static string CheckedPart(string value, string name)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 64 || !value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ArgumentException($"The scope's {name} must be 1–64 lowercase letters, digits or '-'.", name);
        }

        return value;
    }
}
