using System.CommandLine;
using Azure;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppMedia.Core;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Queues;
using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.Cli;

/// <summary>
/// <c>queue redrive --from failed|poison [--tenant ID] [--dry-run]</c> (docs/architecture.md, "Queue"): Core's <see cref="QueueRedrive"/>
/// against the storage account the service uses, read from the same settings (<c>AzureWebJobsStorage</c> and its
/// identity-based keys, <c>MediaDeletion__Queue</c>). Prints <c>{tenant}: {count}</c> per tenant and <c>total: N</c>.
/// </summary>
internal static class QueueRedriveCommand
{
    /// <summary>The service's settings this command reads from the environment, in their environment-variable form.</summary>
    private static readonly string[] Settings =
    [
        "AzureWebJobsStorage",
        "AzureWebJobsStorage__queueServiceUri",
        "AzureWebJobsStorage__tableServiceUri",
        "AzureWebJobsStorage__accountName",
        "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId",
        "MediaDeletion__Queue",
        "MediaDeletion__HostJsonPath",
        "AzureFunctionsJobHost__extensions__queues__messageEncoding",
    ];

    public static Command Create(CliEnvironment environment)
    {
        var from = new Option<string>("--from")
        {
            Description = "The queue to empty: 'failed' ({queue}-failed) or 'poison' ({queue}-poison).",
            Required = true,
        };
        from.AcceptOnlyFromAmong("failed", "poison");
        var tenant = CommonOptions.Validated(
            new Option<string>("--tenant") { Description = "Only this tenant's messages; the others stay where they are." },
            value => TenantIds.IsValid(value) ? null : "--tenant must be 1-63 lowercase letters, digits or inner hyphens.");
        var dryRun = new Option<bool>("--dry-run") { Description = "Count what would move; change nothing." };
        var command = new Command(
            "redrive",
            "Move messages from the failed or poison queue back to the work queue (attempt reset to 0), copying each before deleting it. "
            + "Storage comes from AzureWebJobsStorage (or its identity-based __queueServiceUri/__tableServiceUri), the queue from MediaDeletion__Queue.")
        {
            from, tenant, dryRun,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var source = parseResult.GetValue(from) == "failed" ? RedriveSource.Failed : RedriveSource.Poison;
            var isDryRun = parseResult.GetValue(dryRun);
            var configuration = Configuration(environment);

            // Options bind from the IConfiguration service, as in the hosts, where the host builder registers it.
            await using var services = new ServiceCollection().AddLogging().AddSingleton(configuration).AddMediaDeletionServices(configuration).BuildServiceProvider();
            RedriveReport report;
            try
            {
                report = await services.GetRequiredService<QueueRedrive>().RunAsync(source, parseResult.GetValue(tenant), isDryRun, cancellationToken);
            }
            catch (QueueStorageConfigurationException exception)
            {
                throw new CliException(ExitCodes.Usage, exception.Message);
            }
            // After its retries the SDK reports a connection that never came up as an AggregateException of the attempts.
            catch (Exception exception) when (exception is RequestFailedException or AuthenticationFailedException or AggregateException)
            {
                var reason = exception is RequestFailedException { Status: > 0 } failed ? $"HTTP {failed.Status} ({failed.ErrorCode ?? "no error code"})" : "storage could not be reached";
                throw new CliException(ExitCodes.StorageError, $"Redrive stopped: {reason}. Messages already moved stay moved; the rest stay in their queue.");
            }

            foreach (var (tenantId, count) in report.MovedPerTenant)
            {
                await environment.Output.WriteLineAsync($"{tenantId}: {count}");
            }

            await environment.Output.WriteLineAsync($"total: {report.Moved}");
            if (report.Unreadable > 0)
            {
                await environment.Error.WriteLineAsync($"warning: {report.Unreadable} entries hold no readable deletion message and were left in place.");
            }

            if (isDryRun)
            {
                await environment.Error.WriteLineAsync("Dry run: nothing was moved.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static IConfiguration Configuration(CliEnvironment environment) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(Settings
                .Select(name => KeyValuePair.Create(name.Replace("__", ":", StringComparison.Ordinal), environment.GetEnvironmentVariable(name)))
                .Where(setting => setting.Value is not null))
            .Build();
}
