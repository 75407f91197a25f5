using WhatsAppMedia.Core.Tenants;
using Fields = WhatsAppMedia.Core.Tenants.TenantDocumentFields;

namespace WhatsAppMedia.Core.Providers.NxCloud;

/// <param name="AccessKey">The NxCloud access key, sent in the <c>accessKey</c> header.</param>
/// <param name="AccessSecret">The NxCloud access secret; only ever used inside the signature.</param>
internal sealed record NxCloudCredentials(string AccessKey, string AccessSecret) : ProviderCredentials
{
    public override string Provider => NxCloudProviderDefinition.ProviderName;

    public override TenantDocumentError? Problem()
    {
        if (!SecretText.IsHeaderSafe(AccessKey))
        {
            return TenantDocumentError.For(Fields.InCredentials(NxCloudProviderDefinition.AccessKeyField), SecretText.HeaderSafeRule);
        }

        return string.IsNullOrEmpty(AccessSecret) ? TenantDocumentError.For(Fields.InCredentials(NxCloudProviderDefinition.AccessSecretField), "is required") : null;
    }

    public override IEnumerable<KeyValuePair<string, string?>> ToDocumentFields() =>
    [
        new(NxCloudProviderDefinition.AccessKeyField, AccessKey),
        new(NxCloudProviderDefinition.AccessSecretField, AccessSecret),
    ];

    public override string ToString() => $"NxCloudCredentials {{ AccessKey = {AccessKey}, AccessSecret = {Redacted} }}";
}
