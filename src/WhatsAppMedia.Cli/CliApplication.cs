using System.CommandLine;

namespace WhatsAppMedia.Cli;

/// <summary>
/// The operator tool: <c>whatsapp-media tenant add | rotate-key | show | list | remove</c> <c>queue redrive</c> and <c>receipts verify</c>. Results go to standard output as
/// <c>name: value</c> lines, everything else to standard error, and the exit code is one of <see cref="ExitCodes"/>.
/// </summary>
public static class CliApplication
{
    public static RootCommand CreateRootCommand(CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var tenant = new Command("tenant", "Manage tenants and their API keys. " + ExitCodes.HelpText)
        {
            TenantAddCommand.Create(environment),
            TenantRotateKeyCommand.Create(environment),
            TenantShowCommand.Create(environment),
            TenantRetentionCommand.Create(environment),
            TenantListCommand.Create(environment),
            TenantRemoveCommand.Create(environment),
        };
        var queue = new Command("queue", "Operate the deletion queues. " + ExitCodes.HelpText)
        {
            QueueRedriveCommand.Create(environment),
        };
        var receipts = new Command("receipts", "Check deletion receipts offline. " + ExitCodes.HelpText)
        {
            ReceiptsVerifyCommand.Create(environment),
        };
        return new RootCommand("Operator tool for the WhatsApp media deletion service. " + ExitCodes.HelpText) { tenant, queue, receipts };
    }

    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var parseResult = CreateRootCommand(environment).Parse(args);

        // System.CommandLine reports parse errors with exit code 1; scripts are promised 2 for usage errors.
        if (parseResult.Errors.Count > 0 && parseResult.Action is not { ClearsParseErrors: true })
        {
            foreach (var error in parseResult.Errors)
            {
                await environment.Error.WriteLineAsync($"error: {error.Message}");
            }

            await environment.Error.WriteLineAsync("Run with --help for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return await parseResult.InvokeAsync(
                new InvocationConfiguration { Output = environment.Output, Error = environment.Error, EnableDefaultExceptionHandler = false },
                cancellationToken);
        }
        catch (CliException failure)
        {
            await environment.Error.WriteLineAsync($"error: {failure.Message}");
            return failure.ExitCode;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await environment.Error.WriteLineAsync($"error: unexpected {exception.GetType().Name}: {exception.Message}");
            return ExitCodes.UnexpectedFailure;
        }
    }
}
