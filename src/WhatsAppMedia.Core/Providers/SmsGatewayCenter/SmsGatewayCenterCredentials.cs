using WhatsAppMedia.Core.Tenants;
using Fields = WhatsAppMedia.Core.Tenants.TenantDocumentFields;

namespace WhatsAppMedia.Core.Providers.SmsGatewayCenter;

/// <summary>
/// SMSGatewayCenter accepts an API key (sent as the <c>apiKey</c> header) or a user id and password (sent as query parameters).
/// When both are present the API key is used, so the password never travels in a URL.
/// </summary>
public sealed record SmsGatewayCenterCredentials(string? ApiKey, string? UserId, string? Password) : ProviderCredentials
{
    public override ProviderKind Kind => ProviderKind.SmsGatewayCenter;

    public bool UsesApiKey => !string.IsNullOrEmpty(ApiKey);

    public override TenantDocumentError? Problem()
    {
        var hasUserId = !string.IsNullOrWhiteSpace(UserId);
        var hasPassword = !string.IsNullOrEmpty(Password);

        // With an API key, the user id travels only as the 'userid' query parameter, and no password is needed.
        if (UsesApiKey)
        {
            if (!SecretText.IsHeaderSafe(ApiKey))
            {
                return TenantDocumentError.For(Fields.InCredentials(Fields.ApiKey), SecretText.HeaderSafeRule);
            }

            return hasPassword && !hasUserId
                ? TenantDocumentError.For(Fields.InCredentials(Fields.UserId), $"is required with {Fields.InCredentials(Fields.Password)}")
                : null;
        }

        if (hasUserId && !hasPassword)
        {
            return TenantDocumentError.For(
                Fields.InCredentials(Fields.Password),
                $"is required with {Fields.InCredentials(Fields.UserId)} unless {Fields.InCredentials(Fields.ApiKey)} is given");
        }

        if (hasPassword && !hasUserId)
        {
            return TenantDocumentError.For(Fields.InCredentials(Fields.UserId), $"is required with {Fields.InCredentials(Fields.Password)}");
        }

        return hasUserId
            ? null
            : TenantDocumentError.For(
                Fields.InCredentials(Fields.ApiKey),
                $"is required unless {Fields.InCredentials(Fields.UserId)} and {Fields.InCredentials(Fields.Password)} are given");
    }

    public override string ToString() =>
        $"SmsGatewayCenterCredentials {{ ApiKey = {(ApiKey is null ? "" : Redacted)}, UserId = {UserId}, Password = {(Password is null ? "" : Redacted)} }}";
}
