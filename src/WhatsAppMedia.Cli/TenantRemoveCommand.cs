using System.CommandLine;
using Azure;
using Azure.Identity;
using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.Cli;

/// <summary>
/// <c>tenant remove --id ID --vault URI</c>: deletes the tenant's secret. Key Vault keeps deleted secrets (soft delete)
/// for the vault's retention, so <c>az keyvault secret recover --name tenant-{id}</c> brings the tenant back. Without a
/// vault there is nothing this tool can delete: a <c>Tenants__{id}</c> setting is removed where it is set.
/// </summary>
internal static class TenantRemoveCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var id = CommonOptions.TenantId();
        var vault = CommonOptions.Vault();
        var command = new Command("remove", "Remove a tenant from Key Vault (soft delete: recoverable with 'az keyvault secret recover'). " + ExitCodes.HelpText)
        {
            id, vault,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var tenantId = parseResult.GetValue(id)!;
            if (parseResult.GetValue(vault) is not { } vaultUri)
            {
                throw new CliException(
                    ExitCodes.Usage,
                    $"tenant remove needs --vault; a {SettingTenantDocuments.SettingName(tenantId)} setting is removed where it is set (app settings or local.settings.json).");
            }

            var client = environment.CreateSecretClient(new Uri(vaultUri));
            var name = TenantIds.SecretName(tenantId);
            try
            {
                await client.StartDeleteSecretAsync(name, cancellationToken);
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                throw new CliException(ExitCodes.TenantNotFound, $"Tenant '{tenantId}' does not exist.");
            }
            catch (Exception exception) when (exception is RequestFailedException or AuthenticationFailedException)
            {
                throw VaultTenantDocuments.Failure(client, "remove", exception);
            }

            await environment.Output.WriteLineAsync($"tenant: {tenantId}");
            await environment.Output.WriteLineAsync($"removed: {name}");
            await environment.Error.WriteLineAsync($"Soft-deleted: 'az keyvault secret recover --vault-name <vault> --name {name}' restores it until the vault purges it.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
