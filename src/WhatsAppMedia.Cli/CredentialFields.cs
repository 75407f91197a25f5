using WhatsAppMedia.Core.Providers;
using Fields = WhatsAppMedia.Core.Tenants.TenantDocumentFields;

namespace WhatsAppMedia.Cli;

/// <summary>
/// The per-provider fields of the tenant document the CLI writes and shows: which option sets each, which provider
/// takes it, which it needs, and which are secrets. The one list both <c>tenant add</c> and <c>tenant show</c> follow.
/// </summary>
internal static class CredentialFields
{
    public static readonly CredentialField Phone = new(
        Fields.Phone, false, "--phone", "Default phone identity (optional), used when a call names none: aws originationPhoneNumberId, nxcloud business_phone. Never applied to meta (media customers sent belong to no business number).", IsSecret: false);

    public static readonly CredentialField AccessToken = Credential(Fields.AccessToken, "--access-token", "meta: access token.", isSecret: true);
    public static readonly CredentialField GraphVersion = Credential(Fields.GraphVersion, "--graph-version", "meta: Graph API version such as v23.0 (optional; default from Providers__Meta__GraphVersion).");
    public static readonly CredentialField AccessKeyId = Credential(Fields.AccessKeyId, "--access-key-id", "aws: IAM access key id.");
    public static readonly CredentialField SecretAccessKey = Credential(Fields.SecretAccessKey, "--secret-access-key", "aws: IAM secret access key.", isSecret: true);
    public static readonly CredentialField SessionToken = Credential(Fields.SessionToken, "--session-token", "aws: session token of temporary credentials (optional).", isSecret: true);
    public static readonly CredentialField Region = Credential(Fields.Region, "--region", "aws: region such as us-east-1.");
    public static readonly CredentialField AccessKey = Credential(Fields.AccessKey, "--access-key", "nxcloud: access key.");
    public static readonly CredentialField AccessSecret = Credential(Fields.AccessSecret, "--access-secret", "nxcloud: access secret.", isSecret: true);
    public static readonly CredentialField ApiKey = Credential(Fields.ApiKey, "--api-key", "smsgatewaycenter: API key; or --user-id with --password.", isSecret: true);
    public static readonly CredentialField UserId = Credential(Fields.UserId, "--user-id", "smsgatewaycenter: user id, with --password.");
    public static readonly CredentialField Password = Credential(Fields.Password, "--password", "smsgatewaycenter: password, with --user-id.", isSecret: true);

    public static IReadOnlyList<CredentialField> All { get; } =
        [Phone, AccessToken, GraphVersion, AccessKeyId, SecretAccessKey, SessionToken, Region, AccessKey, AccessSecret, ApiKey, UserId, Password];

    /// <summary>The fields each provider takes.</summary>
    public static IReadOnlyList<CredentialField> Of(ProviderKind provider) => provider switch
    {
        ProviderKind.Meta => [Phone, AccessToken, GraphVersion],
        ProviderKind.Aws => [Phone, AccessKeyId, SecretAccessKey, SessionToken, Region],
        ProviderKind.NxCloud => [Phone, AccessKey, AccessSecret],
        ProviderKind.SmsGatewayCenter => [ApiKey, UserId, Password],
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown provider."),
    };

    /// <summary>
    /// The fields each provider cannot do without. SMSGatewayCenter's "an API key, or a user id with a password" is
    /// left to the document parser, which says which is missing.
    /// </summary>
    public static IReadOnlyList<CredentialField> RequiredBy(ProviderKind provider) => provider switch
    {
        ProviderKind.Meta => [AccessToken],
        ProviderKind.Aws => [AccessKeyId, SecretAccessKey, Region],
        ProviderKind.NxCloud => [AccessKey, AccessSecret],
        ProviderKind.SmsGatewayCenter => [],
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown provider."),
    };

    private static CredentialField Credential(string name, string optionName, string description, bool isSecret = false) =>
        new(name, true, optionName, description, isSecret);
}
