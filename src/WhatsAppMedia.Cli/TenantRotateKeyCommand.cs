using System.CommandLine;
using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.Cli;

/// <summary>
/// <c>tenant rotate-key</c>: a new API key for an existing tenant. Only <c>apiKeySha256</c> changes; every other field,
/// unknown ones included, is kept as it was. The old key stops working once the service's cache expires or is invalidated.
/// </summary>
internal static class TenantRotateKeyCommand
{
    public static Command Create(CliEnvironment environment) => StoredTenantCommand.Create(
        "rotate-key",
        "Give a tenant a new API key (printed once). Reads the document from Key Vault (--vault) or the Tenants__{id} environment variable, and writes or prints it back.",
        environment,
        async (tenantId, stored, location, _, cancellationToken) =>
        {
            var document = StoredTenantCommand.ParseObject(stored);
            var apiKey = ApiKeys.Generate();
            document[TenantDocumentFields.ApiKeySha256] = ApiKeyHash.Compute(apiKey);
            var updated = document.ToJsonString();
            if (TenantDocument.Parse(tenantId, updated).Error is { } problem)
            {
                // A leaked key must be replaceable even when an unrelated field needs fixing too.
                await environment.Error.WriteLineAsync($"warning: the tenant stays unusable until this is fixed: {problem.Message}");
            }

            await environment.Output.WriteLineAsync($"tenant: {tenantId}");
            await location.WriteAsync(tenantId, updated, cancellationToken);
            await environment.Output.WriteLineAsync($"apiKey: {apiKey}");
            await environment.Error.WriteLineAsync("Store the API key now: it is not shown again. The old key stops working when the service re-reads the tenant.");
            return ExitCodes.Ok;
        });
}
