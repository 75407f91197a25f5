using System.CommandLine;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.Cli;

/// <summary>
/// The per-provider credential options of <c>tenant add</c> (<see cref="CredentialFields"/>), and the tenant they
/// describe. A secret is taken from its option, else from <c>--secrets-from-stdin</c>, else from its environment
/// variable; the option is discouraged (shell history, process list) and warned about. A value that does not belong
/// to the chosen provider is an error, not silently dropped, except an environment variable, which is only read for
/// the chosen provider's fields.
/// </summary>
internal sealed class CredentialOptions
{
    private const string StandardInput = "standard input";

    private readonly CredentialFields _fields;
    private readonly Dictionary<CredentialField, Option<string>> _options;

    private readonly Option<bool> _secretsFromStdin = new(StandardInputSecrets.OptionName)
    {
        Description = "Read the secrets from standard input as one JSON object keyed by their tenant document names, for example "
            + "{\"accessToken\":\"…\"} or {\"secretAccessKey\":\"…\",\"sessionToken\":\"…\"}. Keeps them out of shell history and the process list.",
    };

    public CredentialOptions(CredentialFields fields)
    {
        _fields = fields;
        _options = fields.All.ToDictionary(field => field, CreateOption);
    }

    public void AddTo(Command command)
    {
        foreach (var option in _options.Values)
        {
            command.Options.Add(option);
        }

        command.Options.Add(_secretsFromStdin);
    }

    /// <summary>Builds the tenant the options describe and checks it exactly as the service will read it.</summary>
    /// <exception cref="CliException">A value is missing, given twice, foreign to the provider or invalid (<see cref="ExitCodes.Usage"/>).</exception>
    public async Task<Tenant> BuildTenantAsync(
        ParseResult parseResult, CliEnvironment environment, string tenantId, IProviderDefinition provider, string apiKeySha256, CancellationToken cancellationToken)
    {
        var fromStdin = parseResult.GetValue(_secretsFromStdin)
            ? await StandardInputSecrets.ReadAsync(environment.Input, _fields.All, cancellationToken)
            : [];
        var values = new Dictionary<CredentialField, (string Value, string Source)>();
        foreach (var field in _fields.All)
        {
            var onCommandLine = parseResult.GetResult(_options[field]) is not null;
            if (onCommandLine && fromStdin.ContainsKey(field))
            {
                throw Usage($"{field.OptionName} is given both as an option and on {StandardInput}; give it once.");
            }

            if (onCommandLine)
            {
                values[field] = (parseResult.GetValue(_options[field]) ?? string.Empty, field.OptionName);
            }
            else if (fromStdin.TryGetValue(field, out var secret))
            {
                values[field] = (secret, StandardInput);
            }
        }

        var foreign = values.Where(pair => !_fields.Of(provider).Contains(pair.Key)).ToList();
        if (foreign.Count > 0)
        {
            throw Usage($"{string.Join(", ", foreign.Select(pair => Naming(pair.Key, pair.Value.Source)))} does not apply to provider '{provider.Name}'.");
        }

        foreach (var field in _fields.Of(provider).Where(field => !values.ContainsKey(field) && field.EnvironmentVariable is not null))
        {
            if (environment.GetEnvironmentVariable(field.EnvironmentVariable!) is { Length: > 0 } secret)
            {
                values[field] = (secret, field.EnvironmentVariable!);
            }
        }

        var missing = _fields.RequiredBy(provider).Where(field => !values.ContainsKey(field)).ToList();
        if (missing.Count > 0)
        {
            throw Usage($"Provider '{provider.Name}' needs {string.Join(", ", missing.Select(Alternatives))}.");
        }

        foreach (var (field, (_, source)) in values.Where(pair => pair.Key.IsSecret && pair.Value.Source == pair.Key.OptionName))
        {
            await environment.Error.WriteLineAsync(
                $"warning: {source} on the command line can leak through shell history and the process list; prefer {field.EnvironmentVariable} or {StandardInputSecrets.OptionName}.");
        }

        var tenant = Build(tenantId, provider, apiKeySha256, field => values.TryGetValue(field, out var given) ? given.Value : null);

        // The same parser as the service: the CLI never writes a document the service would refuse.
        var check = TenantDocument.Parse(tenantId, TenantDocument.Serialize(tenant), _fields.Providers);
        if (!check.IsValid)
        {
            var culprit = values.Keys.FirstOrDefault(field => field.Path == check.Error.Field) ?? _fields.All.FirstOrDefault(field => field.Path == check.Error.Field);
            var name = culprit is null ? "the options" : values.TryGetValue(culprit, out var given) ? Naming(culprit, given.Source) : culprit.OptionName;
            throw Usage($"Invalid {name}: {check.Error.Message}");
        }

        return tenant;
    }

    private Tenant Build(string tenantId, IProviderDefinition provider, string apiKeySha256, Func<CredentialField, string?> value)
    {
        // The provider's own fields, by document name; a field given for another provider was refused above.
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in _fields.Of(provider).Where(field => field.InCredentials))
        {
            if (value(field) is { } given)
            {
                fields[field.Name] = given;
            }
        }

        return new Tenant(tenantId, apiKeySha256, value(CredentialFields.Phone), provider.CreateCredentials(fields));
    }

    private static Option<string> CreateOption(CredentialField field) => new(field.OptionName)
    {
        Description = field.IsSecret
            ? $"{field.Description} Secret: prefer the {field.EnvironmentVariable} environment variable or {StandardInputSecrets.OptionName} "
                + $"(\"{field.Name}\"); the option is discouraged, as it leaks into shell history and the process list."
            : field.Description,
    };

    /// <summary>How a value is named in errors: the option, or where it came from instead (never the value).</summary>
    private static string Naming(CredentialField field, string source) =>
        source == field.OptionName ? field.OptionName : $"{field.OptionName} (from {(source == StandardInput ? $"'{field.Name}' on {StandardInput}" : source)})";

    private static string Alternatives(CredentialField field) =>
        field.IsSecret ? $"{field.OptionName} (or {field.EnvironmentVariable}, or '{field.Name}' on {StandardInputSecrets.OptionName})" : field.OptionName;

    private static CliException Usage(string message) => new(ExitCodes.Usage, message);
}
