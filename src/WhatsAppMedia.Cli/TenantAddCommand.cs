using System.CommandLine;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.Cli;

/// <summary><c>tenant add</c>: a new tenant with a freshly generated API key, shown once.</summary>
internal static class TenantAddCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var id = CommonOptions.TenantId();
        var vault = CommonOptions.Vault();
        var providers = environment.Providers;
        var provider = new Option<string>("--provider")
        {
            Description = $"The tenant's WhatsApp provider: {string.Join(", ", providers.Names)}.",
            Required = true,
        };
        provider.AcceptOnlyFromAmong([.. providers.Names]);
        var force = new Option<bool>("--force") { Description = "Replace an existing tenant in the vault (its old API key stops working)." };
        var credentials = new CredentialOptions(new CredentialFields(providers));

        var command = new Command(
            "add",
            "Add a tenant: generates its API key (printed once), then writes the tenant document to Key Vault (--vault) or prints the Tenants__{id} setting. "
            + "Secrets belong in their WHATSAPP_MEDIA_* environment variables or on standard input (--secrets-from-stdin), not on the command line. " + ExitCodes.HelpText);
        command.Options.Add(id);
        command.Options.Add(provider);
        credentials.AddTo(command);
        command.Options.Add(vault);
        command.Options.Add(force);

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var tenantId = parseResult.GetValue(id)!;
            if (!providers.TryFind(parseResult.GetValue(provider), out var definition))
            {
                // AcceptOnlyFromAmong already refused anything else at parse time.
                throw new CliException(ExitCodes.Usage, $"--provider must be one of: {string.Join(", ", providers.Names)}.");
            }

            var apiKey = ApiKeys.Generate();
            var tenant = await credentials.BuildTenantAsync(parseResult, environment, tenantId, definition, ApiKeyHash.Compute(apiKey), cancellationToken);
            var vaultUri = parseResult.GetValue(vault);
            var location = CommonOptions.Locate(vaultUri, environment);

            if (vaultUri is not null && !parseResult.GetValue(force) && await location.ReadAsync(tenantId, cancellationToken) is not null)
            {
                throw new CliException(ExitCodes.TenantExists, $"Tenant '{tenantId}' already exists. Use 'tenant rotate-key' for a new key, or --force to replace it.");
            }

            await environment.Output.WriteLineAsync($"tenant: {tenantId}");
            await environment.Output.WriteLineAsync($"provider: {tenant.Provider}");
            await location.WriteAsync(tenantId, TenantDocument.Serialize(tenant), cancellationToken);
            await environment.Output.WriteLineAsync($"apiKey: {apiKey}");
            await environment.Error.WriteLineAsync("Store the API key now: it is not shown again, and only its SHA-256 is kept.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
