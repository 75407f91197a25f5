using System.CommandLine;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.Aws;
using WhatsAppMedia.Core.Providers.Meta;
using WhatsAppMedia.Core.Providers.NxCloud;
using WhatsAppMedia.Core.Providers.SmsGatewayCenter;
using WhatsAppMedia.Core.Tenants;
using Fields = WhatsAppMedia.Core.Tenants.TenantDocumentFields;

namespace WhatsAppMedia.Cli;

/// <summary>
/// The per-provider credential options of <c>tenant add</c> (contract §1 table), and the tenant they describe.
/// An option that does not belong to the chosen provider is an error, not silently dropped.
/// </summary>
internal sealed class CredentialOptions
{
    private readonly Dictionary<string, Option<string>> _byField;
    private readonly Dictionary<ProviderKind, Option<string>[]> _byProvider;
    private readonly Dictionary<ProviderKind, Option<string>[]> _requiredByProvider;

    public CredentialOptions()
    {
        _byField = new Dictionary<string, Option<string>>(StringComparer.Ordinal)
        {
            [Fields.Phone] = Create("--phone", "Default phone identity: meta phone_number_id (optional), aws originationPhoneNumberId (required), nxcloud business_phone (required)."),
            [Fields.InCredentials(Fields.AccessToken)] = Create("--access-token", "meta: access token (secret)."),
            [Fields.InCredentials(Fields.GraphVersion)] = Create("--graph-version", "meta: Graph API version such as v23.0 (optional; default from Providers__Meta__GraphVersion)."),
            [Fields.InCredentials(Fields.AccessKeyId)] = Create("--access-key-id", "aws: IAM access key id."),
            [Fields.InCredentials(Fields.SecretAccessKey)] = Create("--secret-access-key", "aws: IAM secret access key (secret)."),
            [Fields.InCredentials(Fields.SessionToken)] = Create("--session-token", "aws: session token of temporary credentials (optional, secret)."),
            [Fields.InCredentials(Fields.Region)] = Create("--region", "aws: region such as us-east-1."),
            [Fields.InCredentials(Fields.AccessKey)] = Create("--access-key", "nxcloud: access key."),
            [Fields.InCredentials(Fields.AccessSecret)] = Create("--access-secret", "nxcloud: access secret (secret)."),
            [Fields.InCredentials(Fields.ApiKey)] = Create("--api-key", "smsgatewaycenter: API key (secret); or --user-id with --password."),
            [Fields.InCredentials(Fields.UserId)] = Create("--user-id", "smsgatewaycenter: user id, with --password."),
            [Fields.InCredentials(Fields.Password)] = Create("--password", "smsgatewaycenter: password (secret), with --user-id."),
        };

        _byProvider = new Dictionary<ProviderKind, Option<string>[]>
        {
            [ProviderKind.Meta] = [Phone, Of(Fields.AccessToken), Of(Fields.GraphVersion)],
            [ProviderKind.Aws] = [Phone, Of(Fields.AccessKeyId), Of(Fields.SecretAccessKey), Of(Fields.SessionToken), Of(Fields.Region)],
            [ProviderKind.NxCloud] = [Phone, Of(Fields.AccessKey), Of(Fields.AccessSecret)],
            [ProviderKind.SmsGatewayCenter] = [Of(Fields.ApiKey), Of(Fields.UserId), Of(Fields.Password)],
        };

        _requiredByProvider = new Dictionary<ProviderKind, Option<string>[]>
        {
            [ProviderKind.Meta] = [Of(Fields.AccessToken)],
            [ProviderKind.Aws] = [Phone, Of(Fields.AccessKeyId), Of(Fields.SecretAccessKey), Of(Fields.Region)],
            [ProviderKind.NxCloud] = [Phone, Of(Fields.AccessKey), Of(Fields.AccessSecret)],
            [ProviderKind.SmsGatewayCenter] = [],
        };
    }

    private Option<string> Phone => _byField[Fields.Phone];

    public void AddTo(Command command)
    {
        foreach (var option in _byField.Values)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Builds the tenant the options describe and checks it exactly as the service will read it.</summary>
    /// <exception cref="CliException">An option is missing, foreign to the provider or invalid (<see cref="ExitCodes.Usage"/>).</exception>
    public Tenant BuildTenant(ParseResult parseResult, string tenantId, ProviderKind provider, string apiKeySha256)
    {
        var foreign = _byField.Values.Where(option => parseResult.GetResult(option) is not null && !_byProvider[provider].Contains(option)).ToList();
        if (foreign.Count > 0)
        {
            throw Usage($"{string.Join(", ", foreign.Select(option => option.Name))} does not apply to provider '{provider.ToName()}'.");
        }

        var missing = _requiredByProvider[provider].Where(option => parseResult.GetResult(option) is null).ToList();
        if (missing.Count > 0)
        {
            throw Usage($"Provider '{provider.ToName()}' needs {string.Join(", ", missing.Select(option => option.Name))}.");
        }

        string? Value(string field) => parseResult.GetValue(_byField[field]);
        string? Credential(string field) => Value(Fields.InCredentials(field));

        ProviderCredentials credentials = provider switch
        {
            ProviderKind.Meta => new MetaCredentials(Credential(Fields.AccessToken)!, Credential(Fields.GraphVersion)),
            ProviderKind.Aws => new AwsCredentials(Credential(Fields.AccessKeyId)!, Credential(Fields.SecretAccessKey)!, Credential(Fields.SessionToken), Credential(Fields.Region)!),
            ProviderKind.NxCloud => new NxCloudCredentials(Credential(Fields.AccessKey)!, Credential(Fields.AccessSecret)!),
            ProviderKind.SmsGatewayCenter => new SmsGatewayCenterCredentials(Credential(Fields.ApiKey), Credential(Fields.UserId), Credential(Fields.Password)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown provider."),
        };
        var tenant = new Tenant(tenantId, apiKeySha256, Value(Fields.Phone), credentials);

        // The same parser as the service: the CLI never writes a document the service would refuse.
        var check = TenantDocument.Parse(tenantId, TenantDocument.Serialize(tenant));
        if (!check.IsValid)
        {
            var option = _byField.TryGetValue(check.Error.Field, out var culprit) ? culprit.Name : "the options";
            throw Usage($"Invalid {option}: {check.Error.Message}");
        }

        return tenant;
    }

    private static Option<string> Create(string name, string description) => new(name) { Description = description };

    private static CliException Usage(string message) => new(ExitCodes.Usage, message);

    private Option<string> Of(string credentialField) => _byField[Fields.InCredentials(credentialField)];
}
