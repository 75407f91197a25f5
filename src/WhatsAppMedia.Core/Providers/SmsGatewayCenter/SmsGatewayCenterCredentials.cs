namespace WhatsAppMedia.Core.Providers.SmsGatewayCenter;

/// <summary>
/// SMSGatewayCenter accepts an API key (sent as the <c>apiKey</c> header) or a user id and password (sent as query parameters).
/// When both are present the API key is used, so the password never travels in a URL.
/// </summary>
public sealed record SmsGatewayCenterCredentials(string? ApiKey, string? UserId, string? Password) : ProviderCredentials
{
    public override ProviderKind Kind => ProviderKind.SmsGatewayCenter;

    public bool UsesApiKey => !string.IsNullOrEmpty(ApiKey);

    public override string ToString() =>
        $"SmsGatewayCenterCredentials {{ ApiKey = {(ApiKey is null ? "" : Redacted)}, UserId = {UserId}, Password = {(Password is null ? "" : Redacted)} }}";
}
