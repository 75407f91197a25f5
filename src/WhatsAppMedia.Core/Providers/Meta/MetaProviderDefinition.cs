using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace WhatsAppMedia.Core.Providers.Meta;

/// <summary>Meta's WhatsApp Cloud API as a provider: <c>"provider": "meta"</c> in a tenant document.</summary>
internal sealed class MetaProviderDefinition : IProviderDefinition
{
    public const string ProviderName = "meta";

    public const string AccessTokenField = "accessToken";
    public const string GraphVersionField = "graphVersion";

    private MetaProviderDefinition()
    {
    }

    public static MetaProviderDefinition Instance { get; } = new();

    public string Name => ProviderName;

    public IReadOnlyList<CredentialField> CredentialFields { get; } =
    [
        new(AccessTokenField, "--access-token", "meta: access token.", IsRequired: true, IsSecret: true),
        new(GraphVersionField, "--graph-version", "meta: Graph API version such as v23.0 (optional; default from Providers__Meta__GraphVersion)."),
    ];

    public bool TakesPhone => true;

    /// <summary>Uploaded media ids expire after 30 days, ids received in webhooks after 7 (docs/providers/meta.md, "Media lifetime").</summary>
    public TimeSpan? MediaLifetime(Scheduling.MediaOrigin origin) =>
        origin == Scheduling.MediaOrigin.Uploaded ? TimeSpan.FromDays(30) : TimeSpan.FromDays(7);

    /// <summary>Meta never applies a tenant's default phone (<see cref="MetaCredentials.AppliesTenantPhone"/>): there is nothing to hold it to.</summary>
    public IdentifierError? CheckDefaultPhone(string phone) => null;

    public ProviderCredentials CreateCredentials(IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new MetaCredentials(fields[AccessTokenField], fields.GetValueOrDefault(GraphVersionField));
    }

    public void AddServices(IServiceCollection services)
    {
        services.AddValidatedOptions<MetaOptions, MetaOptionsValidator>(MetaOptions.SectionName);
        services.AddProviderHttpClient<MetaMediaProvider>(provider => provider.GetRequiredService<IOptions<MetaOptions>>().Value.BaseUrl);
    }
}
