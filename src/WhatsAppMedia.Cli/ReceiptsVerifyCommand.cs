using System.CommandLine;
using WhatsAppMedia.Core.Receipts;

namespace WhatsAppMedia.Cli;

/// <summary>
/// <c>receipts verify FILE [--allow-gaps] [--key KEYFILE]</c> (docs/receipts.md, "Verifying an export"): checks an
/// NDJSON export of <c>GET /api/tenants/{tenantId}/receipts</c> offline, with nothing but the file and, for the signed
/// digests, the public key (<c>GET /api/receipts/signing-key</c>, saved). Prints <c>receipts: N</c>, the digests and
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
        var key = new Option<FileInfo?>("--key")
        {
            Description = "The public signing key: the answer of GET /api/receipts/signing-key saved to a file, or its PEM. Without it the digests' signatures are not checked.",
        };
        var command = new Command("verify", "Check that no receipt of an export was changed, removed or reordered, and that its digests are signed. " + ExitCodes.HelpText)
        {
            file, allowGaps, key,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(file)!;
            if (!path.Exists)
            {
                throw new CliException(ExitCodes.Usage, $"No such file: {path.FullName}.");
            }

            var publicKey = await ReadKeyAsync(parseResult.GetValue(key), cancellationToken);
            var lines = await File.ReadAllLinesAsync(path.FullName, cancellationToken);
            var verification = ReceiptVerifier.Verify(lines, parseResult.GetValue(allowGaps), publicKey);
            await environment.Output.WriteLineAsync($"receipts: {verification.Receipts}");
            if (!verification.IsValid)
            {
                throw new CliException(ExitCodes.ReceiptsInvalid, $"line {verification.FailedLine}: {verification.Problem}.");
            }

            await environment.Output.WriteLineAsync(Digests(verification));
            await environment.Output.WriteLineAsync("chain: valid");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<ReceiptPublicKey?> ReadKeyAsync(FileInfo? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return null;
        }

        if (!file.Exists)
        {
            throw new CliException(ExitCodes.Usage, $"No such key file: {file.FullName}.");
        }

        try
        {
            return ReceiptPublicKey.Parse(await File.ReadAllTextAsync(file.FullName, cancellationToken));
        }
        catch (FormatException exception)
        {
            throw new CliException(ExitCodes.Usage, $"--key {file.FullName}: {exception.Message}");
        }
    }

    private static string Digests(ReceiptVerification verification) => verification switch
    {
        { Digests: 0 } => "digests: none (no receipt of this export is signed yet)",
        { SignaturesChecked: false } => $"digests: {verification.Digests}, signatures not checked (give --key)",
        _ => $"digests: {verification.Digests}, signatures valid, signed through receipt {verification.SignedThrough}",
    };
}
