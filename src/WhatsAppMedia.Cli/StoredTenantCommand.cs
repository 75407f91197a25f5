using System.CommandLine;

namespace WhatsAppMedia.Cli;

/// <summary>
/// The shape of the commands that work on a tenant that already exists (<c>rotate-key</c>, <c>show</c>): <c>--id</c>
/// and <c>--vault</c>, the stored document read from where they lead, and exit code 3 when there is none.
/// </summary>
internal static class StoredTenantCommand
{
    /// <summary>What the command does with the stored document: gets the tenant id, the raw document and where it came from; returns the exit code.</summary>
    public delegate Task<int> Action(string tenantId, string stored, ITenantDocumentLocation location, CancellationToken cancellationToken);

    public static Command Create(string name, string description, CliEnvironment environment, Action action)
    {
        var id = CommonOptions.TenantId();
        var vault = CommonOptions.Vault();
        var command = new Command(name, description + " " + ExitCodes.HelpText);
        command.Options.Add(id);
        command.Options.Add(vault);

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var tenantId = parseResult.GetValue(id)!;
            var location = CommonOptions.Locate(parseResult.GetValue(vault), environment);
            var stored = await location.ReadAsync(tenantId, cancellationToken)
                ?? throw new CliException(ExitCodes.TenantNotFound, $"Tenant '{tenantId}' does not exist.");
            return await action(tenantId, stored, location, cancellationToken);
        });
        return command;
    }
}
