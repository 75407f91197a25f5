using System.CommandLine;
using System.Text.Json.Nodes;
using WhatsAppMedia.Core.Scheduling;
using WhatsAppMedia.Core.Tenants;
using Fields = WhatsAppMedia.Core.Tenants.TenantDocumentFields;

namespace WhatsAppMedia.Cli;

/// <summary>
/// <c>tenant retention</c>: shows or sets a tenant's retention policy, <c>retention.deleteAfter</c> (docs/scheduling.md,
/// "Retention"). Only that field changes; every other field, unknown ones included, is kept as it was.
/// </summary>
internal static class TenantRetentionCommand
{
    /// <summary>The <c>--delete-after</c> value that removes the policy.</summary>
    public const string None = "none";

    public static Command Create(CliEnvironment environment)
    {
        var deleteAfter = new Option<string>("--delete-after")
        {
            Description = "How long after it was uploaded or received a registered media id is deleted: an ISO 8601 duration such as P7D or PT12H, or 'none' to remove the policy. Without it, the current policy is shown.",
        };
        return StoredTenantCommand.Create(
            "retention",
            "Show or set a tenant's retention policy (retention.deleteAfter). Reads the document from Key Vault (--vault) or the Tenants__{id} environment variable, and writes or prints it back.",
            environment,
            async (tenantId, stored, location, parseResult, cancellationToken) =>
            {
                var document = StoredTenantCommand.ParseObject(stored);
                if (parseResult.GetValue(deleteAfter) is not { } text)
                {
                    var current = TenantDocument.Parse(tenantId, stored, environment.Providers).Tenant?.RetentionDeleteAfter;
                    await environment.Output.WriteLineAsync($"{Fields.RetentionDeleteAfter}: {(current is { } period ? RetentionPeriod.Format(period) : None)}");
                    return ExitCodes.Ok;
                }

                var shown = None;
                if (text == None)
                {
                    document.Remove(Fields.Retention);
                }
                else if (RetentionPeriod.TryParse(text, out var problem) is { } period)
                {
                    shown = RetentionPeriod.Format(period);
                    document[Fields.Retention] = new JsonObject { [Fields.DeleteAfter] = shown };
                }
                else
                {
                    throw new CliException(ExitCodes.Usage, $"--delete-after {problem}, or be '{None}'.");
                }

                var updated = document.ToJsonString();
                if (TenantDocument.Parse(tenantId, updated, environment.Providers).Error is { } invalid)
                {
                    await environment.Error.WriteLineAsync($"warning: the tenant stays unusable until this is fixed: {invalid.Message}");
                }

                await environment.Output.WriteLineAsync($"tenant: {tenantId}");
                await location.WriteAsync(tenantId, updated, cancellationToken);
                await environment.Output.WriteLineAsync($"{Fields.RetentionDeleteAfter}: {shown}");
                return ExitCodes.Ok;
            },
            deleteAfter);
    }
}
