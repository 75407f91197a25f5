using System.CommandLine;
using Azure;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.Cli;

/// <summary>
/// <c>tenant list [--vault URI]</c>: every tenant as <c>{id}: {provider}</c>, from the vault's <c>tenant-{id}</c>
/// secrets or the <c>Tenants__{id}</c> environment variables. Never a credential or key hash: only the provider is
/// read out of each document, and an unusable one is shown as such with the field at fault.
/// </summary>
internal static class TenantListCommand
{
    private const string SettingPrefix = "Tenants__";

    public static Command Create(CliEnvironment environment)
    {
        var vault = CommonOptions.Vault();
        var command = new Command("list", "List tenants with their providers (never a secret), from Key Vault (--vault) or the Tenants__{id} environment variables. " + ExitCodes.HelpText)
        {
            vault,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var vaultUri = parseResult.GetValue(vault);
            var ids = vaultUri is null ? SettingIds(environment) : await VaultIdsAsync(environment.CreateSecretClient(new Uri(vaultUri)), cancellationToken);
            var location = CommonOptions.Locate(vaultUri, environment);
            foreach (var id in ids.Order(StringComparer.Ordinal))
            {
                // A tenant removed between the listing and this read is simply not shown.
                if (await location.ReadAsync(id, cancellationToken) is not { } stored)
                {
                    continue;
                }

                var document = TenantDocument.Parse(id, stored, environment.Providers);
                await environment.Output.WriteLineAsync(document.IsValid
                    ? $"{id}: {document.Tenant!.Provider}"
                    : $"{id}: unusable ({document.Error!.Message})");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static List<string> SettingIds(CliEnvironment environment) =>
        environment.GetEnvironmentVariableNames()
            .Where(name => name.StartsWith(SettingPrefix, StringComparison.Ordinal) && TenantIds.IsValid(name[SettingPrefix.Length..]))
            .Select(name => name[SettingPrefix.Length..])
            .ToList();

    private static async Task<List<string>> VaultIdsAsync(SecretClient client, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        try
        {
            await foreach (var secret in client.GetPropertiesOfSecretsAsync(cancellationToken))
            {
                if (secret.Name.StartsWith(TenantIds.SecretNamePrefix, StringComparison.Ordinal) && TenantIds.IsValid(secret.Name[TenantIds.SecretNamePrefix.Length..]))
                {
                    ids.Add(secret.Name[TenantIds.SecretNamePrefix.Length..]);
                }
            }
        }
        catch (Exception exception) when (exception is RequestFailedException or AuthenticationFailedException)
        {
            throw VaultTenantDocuments.Failure(client, "list", exception);
        }

        return ids;
    }
}
