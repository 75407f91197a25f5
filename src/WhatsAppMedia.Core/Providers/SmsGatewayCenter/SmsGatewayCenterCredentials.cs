using WhatsAppMedia.Core.Tenants;
using Fields = WhatsAppMedia.Core.Tenants.TenantDocumentFields;

namespace WhatsAppMedia.Core.Providers.SmsGatewayCenter;

/// <summary>
/// SMSGatewayCenter accepts an API key (sent as the <c>apiKey</c> header) or a user id and password (sent as query parameters).
/// When both are present the API key is used, so the password never travels in a URL.
/// </summary>
internal sealed record SmsGatewayCenterCredentials(string? ApiKey, string? UserId, string? Password) : ProviderCredentials
{
    public override string Provider => SmsGatewayCenterProviderDefinition.ProviderName;

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
                return TenantDocumentError.For(Fields.InCredentials(SmsGatewayCenterProviderDefinition.ApiKeyField), SecretText.HeaderSafeRule);
            }

            return hasPassword && !hasUserId
                ? TenantDocumentError.For(Fields.InCredentials(SmsGatewayCenterProviderDefinition.UserIdField), $"is required with {Fields.InCredentials(SmsGatewayCenterProviderDefinition.PasswordField)}")
                : null;
        }

        if (hasUserId && !hasPassword)
        {
            return TenantDocumentError.For(
                Fields.InCredentials(SmsGatewayCenterProviderDefinition.PasswordField),
                $"is required with {Fields.InCredentials(SmsGatewayCenterProviderDefinition.UserIdField)} unless {Fields.InCredentials(SmsGatewayCenterProviderDefinition.ApiKeyField)} is given");
        }

        if (hasPassword && !hasUserId)
        {
            return TenantDocumentError.For(Fields.InCredentials(SmsGatewayCenterProviderDefinition.UserIdField), $"is required with {Fields.InCredentials(SmsGatewayCenterProviderDefinition.PasswordField)}");
        }

        return hasUserId
            ? null
            : TenantDocumentError.For(
                Fields.InCredentials(SmsGatewayCenterProviderDefinition.ApiKeyField),
                $"is required unless {Fields.InCredentials(SmsGatewayCenterProviderDefinition.UserIdField)} and {Fields.InCredentials(SmsGatewayCenterProviderDefinition.PasswordField)} are given");
    }

    public override IEnumerable<KeyValuePair<string, string?>> ToDocumentFields() =>
    [
        new(SmsGatewayCenterProviderDefinition.ApiKeyField, ApiKey),
        new(SmsGatewayCenterProviderDefinition.UserIdField, UserId),
        new(SmsGatewayCenterProviderDefinition.PasswordField, Password),
    ];

    public override string ToString() =>
        $"SmsGatewayCenterCredentials {{ ApiKey = {(ApiKey is null ? "" : Redacted)}, UserId = {UserId}, Password = {(Password is null ? "" : Redacted)} }}";
}
