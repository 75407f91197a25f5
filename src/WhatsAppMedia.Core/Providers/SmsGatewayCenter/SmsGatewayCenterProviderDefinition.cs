using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace WhatsAppMedia.Core.Providers.SmsGatewayCenter;

/// <summary>SMSGatewayCenter's WAApi as a provider: <c>"provider": "smsgatewaycenter"</c> in a tenant document.</summary>
internal sealed class SmsGatewayCenterProviderDefinition : IProviderDefinition
{
    public const string ProviderName = "smsgatewaycenter";

    public const string ApiKeyField = "apiKey";
    public const string UserIdField = "userId";
    public const string PasswordField = "password";

    private SmsGatewayCenterProviderDefinition()
    {
    }

    public static SmsGatewayCenterProviderDefinition Instance { get; } = new();

    public string Name => ProviderName;

    /// <summary>Media can be deleted only within 30 days of upload (docs/providers/smsgatewaycenter.md, "Media lifetime"); received media: not stated.</summary>
    public TimeSpan? MediaLifetime(Scheduling.MediaOrigin origin) => origin == Scheduling.MediaOrigin.Uploaded ? TimeSpan.FromDays(30) : null;

    /// <summary>
    /// None is required on its own: "an API key, or a user id with a password" is <see cref="SmsGatewayCenterCredentials.Problem"/>'s
    /// to say, naming which is missing.
    /// </summary>
    public IReadOnlyList<CredentialField> CredentialFields { get; } =
    [
        new(ApiKeyField, "--api-key", "smsgatewaycenter: API key; or --user-id with --password.", IsSecret: true),
        new(UserIdField, "--user-id", "smsgatewaycenter: user id, with --password."),
        new(PasswordField, "--password", "smsgatewaycenter: password, with --user-id.", IsSecret: true),
    ];

    /// <summary>SMSGatewayCenter's delete call takes no phone identity.</summary>
    public bool TakesPhone => false;

    public IdentifierError? CheckDefaultPhone(string phone) => null;

    public ProviderCredentials CreateCredentials(IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new SmsGatewayCenterCredentials(fields.GetValueOrDefault(ApiKeyField), fields.GetValueOrDefault(UserIdField), fields.GetValueOrDefault(PasswordField));
    }

    public void AddServices(IServiceCollection services)
    {
        services.AddValidatedOptions<SmsGatewayCenterOptions, SmsGatewayCenterOptionsValidator>(SmsGatewayCenterOptions.SectionName);
        services.AddProviderHttpClient<SmsGatewayCenterMediaProvider>(provider => provider.GetRequiredService<IOptions<SmsGatewayCenterOptions>>().Value.BaseUrl);
    }
}
