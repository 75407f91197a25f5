using System.CommandLine;
using WhatsAppMedia.Core.Receipts;

namespace WhatsAppMedia.Cli;

/// <summary>
/// <c>receipts verify FILE [--allow-gaps]</c> (docs/receipts.md, "Verifying an export"): checks an NDJSON export of
/// <c>GET /api/tenants/{tenantId}/receipts</c> offline, with nothing but the file. Prints <c>receipts: N</c> and
/// <c>chain: valid</c>, or names the first line that fails and exits <see cref="ExitCodes.ReceiptsInvalid"/>.
/// </summary>
internal static class ReceiptsVerifyCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "An export: the pages of GET …/receipts, concatenated in order." };
        var allowGaps = new Option<bool>("--allow-gaps")
        {
            Description = "The export was filtered (from, to, mediaId): check each receipt and the links between adjacent ones, not that none is missing.",
        };
        var command = new Command("verify", "Check that no receipt of an export was changed, removed or reordered. " + ExitCodes.HelpText) { file, allowGaps };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(file)!;
            if (!path.Exists)
            {
                throw new CliException(ExitCodes.Usage, $"No such file: {path.FullName}.");
            }

            var lines = await File.ReadAllLinesAsync(path.FullName, cancellationToken);
            var verification = ReceiptVerifier.Verify(lines, parseResult.GetValue(allowGaps));
            await environment.Output.WriteLineAsync($"receipts: {verification.Receipts}");
            if (!verification.IsValid)
            {
                throw new CliException(ExitCodes.ReceiptsInvalid, $"line {verification.FailedLine}: {verification.Problem}.");
            }

            await environment.Output.WriteLineAsync("chain: valid");
            return ExitCodes.Ok;
        });
        return command;
    }
}
