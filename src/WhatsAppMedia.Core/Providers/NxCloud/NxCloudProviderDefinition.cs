using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace WhatsAppMedia.Core.Providers.NxCloud;

/// <summary>NxCloud as a provider: <c>"provider": "nxcloud"</c> in a tenant document.</summary>
internal sealed class NxCloudProviderDefinition : IProviderDefinition
{
    public const string ProviderName = "nxcloud";

    public const string AccessKeyField = "accessKey";
    public const string AccessSecretField = "accessSecret";

    private NxCloudProviderDefinition()
    {
    }

    public static NxCloudProviderDefinition Instance { get; } = new();

    public string Name => ProviderName;

    public IReadOnlyList<CredentialField> CredentialFields { get; } =
    [
        new(AccessKeyField, "--access-key", "nxcloud: access key.", IsRequired: true),
        new(AccessSecretField, "--access-secret", "nxcloud: access secret.", IsRequired: true, IsSecret: true),
    ];

    public bool TakesPhone => true;

    public IdentifierError? CheckDefaultPhone(string phone) => NxCloudIdentifiers.CheckBusinessPhone(phone);

    public ProviderCredentials CreateCredentials(IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new NxCloudCredentials(fields[AccessKeyField], fields[AccessSecretField]);
    }

    public void AddServices(IServiceCollection services)
    {
        services.AddValidatedOptions<NxCloudOptions, NxCloudOptionsValidator>(NxCloudOptions.SectionName);
        services.AddProviderHttpClient<NxCloudMediaProvider>(provider => provider.GetRequiredService<IOptions<NxCloudOptions>>().Value.BaseUrl);
    }
}
