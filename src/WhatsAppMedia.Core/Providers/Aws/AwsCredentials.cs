using WhatsAppMedia.Core.Tenants;
using Fields = WhatsAppMedia.Core.Tenants.TenantDocumentFields;

namespace WhatsAppMedia.Core.Providers.Aws;

/// <param name="AccessKeyId">The IAM access key id; part of the <c>Authorization</c> header.</param>
/// <param name="SecretAccessKey">The IAM secret access key; only ever used inside the signature.</param>
/// <param name="SessionToken">The session token of temporary credentials, or null; travels in <c>X-Amz-Security-Token</c>.</param>
/// <param name="Region">The AWS region of the End User Messaging Social resources, for example <c>us-east-1</c>; part of the host name.</param>
internal sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken, string Region) : ProviderCredentials
{
    public override string Provider => AwsProviderDefinition.ProviderName;

    public override TenantDocumentError? Problem()
    {
        if (!AwsIdentifiers.IsAccessKeyId(AccessKeyId))
        {
            return TenantDocumentError.For(Fields.InCredentials(AwsProviderDefinition.AccessKeyIdField), $"must be 1-{AwsIdentifiers.MaxAccessKeyIdLength} letters or digits");
        }

        if (string.IsNullOrEmpty(SecretAccessKey))
        {
            return TenantDocumentError.For(Fields.InCredentials(AwsProviderDefinition.SecretAccessKeyField), "is required");
        }

        if (SessionToken is not null && !SecretText.IsHeaderSafe(SessionToken))
        {
            return TenantDocumentError.For(Fields.InCredentials(AwsProviderDefinition.SessionTokenField), SecretText.HeaderSafeRule);
        }

        return AwsIdentifiers.IsRegion(Region) ? null : TenantDocumentError.For(Fields.InCredentials(AwsProviderDefinition.RegionField), "must be an AWS region such as 'us-east-1'");
    }

    public override IEnumerable<KeyValuePair<string, string?>> ToDocumentFields() =>
    [
        new(AwsProviderDefinition.AccessKeyIdField, AccessKeyId),
        new(AwsProviderDefinition.SecretAccessKeyField, SecretAccessKey),
        new(AwsProviderDefinition.SessionTokenField, SessionToken),
        new(AwsProviderDefinition.RegionField, Region),
    ];

    public override string ToString() =>
        $"AwsCredentials {{ AccessKeyId = {AccessKeyId}, SecretAccessKey = {Redacted}, SessionToken = {(SessionToken is null ? "" : Redacted)}, Region = {Region} }}";
}
