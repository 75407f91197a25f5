using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WhatsAppMedia.Cli;

/// <summary>
/// The shape of the commands that work on a tenant that already exists (<c>rotate-key</c>, <c>show</c>, <c>retention</c>):
/// <c>--id</c> and <c>--vault</c>, the stored document read from where they lead, and exit code 3 when there is none.
/// </summary>
internal static class StoredTenantCommand
{
    /// <summary>
    /// What the command does with the stored document: gets the tenant id, the raw document, where it came from and the
    /// parsed command line (for the command's own options); returns the exit code.
    /// </summary>
    public delegate Task<int> Action(string tenantId, string stored, ITenantDocumentLocation location, ParseResult parseResult, CancellationToken cancellationToken);

    public static Command Create(string name, string description, CliEnvironment environment, Action action, params Option[] options)
    {
        var id = CommonOptions.TenantId();
        var vault = CommonOptions.Vault();
        var command = new Command(name, description + " " + ExitCodes.HelpText);
        command.Options.Add(id);
        command.Options.Add(vault);
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var tenantId = parseResult.GetValue(id)!;
            var location = CommonOptions.Locate(parseResult.GetValue(vault), environment);
            var stored = await location.ReadAsync(tenantId, cancellationToken)
                ?? throw new CliException(ExitCodes.TenantNotFound, $"Tenant '{tenantId}' does not exist.");
            return await action(tenantId, stored, location, parseResult, cancellationToken);
        });
        return command;
    }

    /// <summary>The stored document as a JSON object, every field kept (unknown ones included), for a command that changes one field.</summary>
    public static JsonObject ParseObject(string stored)
    {
        try
        {
            if (JsonNode.Parse(stored, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }) is JsonObject document)
            {
                return document;
            }
        }
        catch (JsonException)
        {
            // Reported below; the parser's message could quote the document.
        }

        throw new CliException(ExitCodes.InvalidDocument, "The stored tenant document is not a JSON object; replace it with 'tenant add --force'.");
    }
}
