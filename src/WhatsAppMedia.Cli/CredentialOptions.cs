using System.CommandLine;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.Aws;
using WhatsAppMedia.Core.Providers.Meta;
using WhatsAppMedia.Core.Providers.NxCloud;
using WhatsAppMedia.Core.Providers.SmsGatewayCenter;
using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.Cli;

/// <summary>
/// The per-provider credential options of <c>tenant add</c> (<see cref="CredentialFields"/>), and the tenant they
/// describe. An option that does not belong to the chosen provider is an error, not silently dropped.
/// </summary>
internal sealed class CredentialOptions
{
    private readonly Dictionary<CredentialField, Option<string>> _options = CredentialFields.All.ToDictionary(
        field => field,
        field => new Option<string>(field.OptionName) { Description = field.IsSecret ? field.Description + " (secret)" : field.Description });

    public void AddTo(Command command)
    {
        foreach (var option in _options.Values)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Builds the tenant the options describe and checks it exactly as the service will read it.</summary>
    /// <exception cref="CliException">An option is missing, foreign to the provider or invalid (<see cref="ExitCodes.Usage"/>).</exception>
    public Tenant BuildTenant(ParseResult parseResult, string tenantId, ProviderKind provider, string apiKeySha256)
    {
        bool IsGiven(CredentialField field) => parseResult.GetResult(_options[field]) is not null;

        var foreign = CredentialFields.All.Where(field => IsGiven(field) && !CredentialFields.Of(provider).Contains(field)).ToList();
        if (foreign.Count > 0)
        {
            throw Usage($"{string.Join(", ", foreign.Select(field => field.OptionName))} does not apply to provider '{provider.ToName()}'.");
        }

        var missing = CredentialFields.RequiredBy(provider).Where(field => !IsGiven(field)).ToList();
        if (missing.Count > 0)
        {
            throw Usage($"Provider '{provider.ToName()}' needs {string.Join(", ", missing.Select(field => field.OptionName))}.");
        }

        string? Value(CredentialField field) => parseResult.GetValue(_options[field]);

        ProviderCredentials credentials = provider switch
        {
            ProviderKind.Meta => new MetaCredentials(Value(CredentialFields.AccessToken)!, Value(CredentialFields.GraphVersion)),
            ProviderKind.Aws => new AwsCredentials(
                Value(CredentialFields.AccessKeyId)!, Value(CredentialFields.SecretAccessKey)!, Value(CredentialFields.SessionToken), Value(CredentialFields.Region)!),
            ProviderKind.NxCloud => new NxCloudCredentials(Value(CredentialFields.AccessKey)!, Value(CredentialFields.AccessSecret)!),
            ProviderKind.SmsGatewayCenter => new SmsGatewayCenterCredentials(Value(CredentialFields.ApiKey), Value(CredentialFields.UserId), Value(CredentialFields.Password)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown provider."),
        };
        var tenant = new Tenant(tenantId, apiKeySha256, Value(CredentialFields.Phone), credentials);

        // The same parser as the service: the CLI never writes a document the service would refuse.
        var check = TenantDocument.Parse(tenantId, TenantDocument.Serialize(tenant));
        if (!check.IsValid)
        {
            var culprit = CredentialFields.All.FirstOrDefault(field => field.Path == check.Error.Field);
            throw Usage($"Invalid {culprit?.OptionName ?? "the options"}: {check.Error.Message}");
        }

        return tenant;
    }

    private static CliException Usage(string message) => new(ExitCodes.Usage, message);
}
