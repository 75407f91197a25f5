namespace WhatsAppMedia.Core.Providers.SmsGatewayCenter;

/// <summary>SMSGatewayCenter's identifier format: media ids are digit strings (19 digits in the provider's sample).</summary>
internal static class SmsGatewayCenterIdentifiers
{
    /// <summary>Generous over the 19 digits seen in practice, without admitting absurd input.</summary>
    public const int MaxMediaIdLength = 32;

    public static bool IsMediaId(string? value) =>
        value is { Length: > 0 and <= MaxMediaIdLength } && value.All(char.IsAsciiDigit);

    /// <summary>Checks a deletion target. The phone is ignored: this provider deletes by media id alone.</summary>
    public static IdentifierError? Check(MediaTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return IsMediaId(target.MediaId)
            ? null
            : new IdentifierError(ErrorCodes.InvalidMediaId, $"An SMSGatewayCenter media id is 1 to {MaxMediaIdLength} ASCII digits.");
    }
}
