using Microsoft.Extensions.DependencyInjection;

namespace WhatsAppMedia.Core.Providers.Aws;

/// <summary>AWS End User Messaging Social as a provider: <c>"provider": "aws"</c> in a tenant document.</summary>
internal sealed class AwsProviderDefinition : IProviderDefinition
{
    public const string ProviderName = "aws";

    public const string AccessKeyIdField = "accessKeyId";
    public const string SecretAccessKeyField = "secretAccessKey";
    public const string SessionTokenField = "sessionToken";
    public const string RegionField = "region";

    private AwsProviderDefinition()
    {
    }

    public static AwsProviderDefinition Instance { get; } = new();

    public string Name => ProviderName;

    public IReadOnlyList<CredentialField> CredentialFields { get; } =
    [
        new(AccessKeyIdField, "--access-key-id", "aws: IAM access key id.", IsRequired: true),
        new(SecretAccessKeyField, "--secret-access-key", "aws: IAM secret access key.", IsRequired: true, IsSecret: true),
        new(SessionTokenField, "--session-token", "aws: session token of temporary credentials (optional).", IsSecret: true),
        new(RegionField, "--region", "aws: region such as us-east-1.", IsRequired: true),
    ];

    public bool TakesPhone => true;

    /// <summary>
    /// AWS's default quota for DeleteWhatsAppMessageMedia and GetWhatsAppMessageMedia, per account and region
    /// (https://docs.aws.amazon.com/social-messaging/latest/userguide/quotas.html).
    /// </summary>
    public double? DefaultRequestsPerSecond => 100;

    public IdentifierError? CheckDefaultPhone(string phone) => AwsIdentifiers.CheckPhoneNumberId(phone);

    public ProviderCredentials CreateCredentials(IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new AwsCredentials(fields[AccessKeyIdField], fields[SecretAccessKeyField], fields.GetValueOrDefault(SessionTokenField), fields[RegionField]);
    }

    public void AddServices(IServiceCollection services)
    {
        services.AddValidatedOptions<AwsOptions, AwsOptionsValidator>(AwsOptions.SectionName);

        // No base address: the URL is built whole per call, because SigV4 signs its host and each tenant's region names its own.
        services.AddProviderHttpClient<AwsMediaProvider>(_ => null);
    }
}
