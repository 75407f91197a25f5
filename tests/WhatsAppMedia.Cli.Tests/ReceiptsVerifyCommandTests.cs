using WhatsAppMedia.Core.Receipts;
using WhatsAppMedia.Testing.Receipts;

namespace WhatsAppMedia.Cli.Tests;

/// <summary><c>receipts verify FILE</c>: an untouched export passes; a flipped byte, a removed line and a swapped pair each fail at their line, exit 8.</summary>
public sealed class ReceiptsVerifyCommandTests(CliFixture cli) : IClassFixture<CliFixture>, IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"receipts-{Guid.NewGuid():N}.ndjson");

    [Fact]
    public async Task An_untouched_export_is_valid()
    {
        await File.WriteAllLinesAsync(_file, Chain(5));

        var run = await cli.RunAsync(null, "receipts", "verify", _file);

        run.ExitCode.ShouldBe(ExitCodes.Ok, run.Error);
        (run.Line("receipts"), run.Line("chain")).ShouldBe(("5", "valid"));
    }

    [Theory]
    [InlineData("flip", 3, "does not match its hash")]
    [InlineData("remove", 3, "missing")]
    [InlineData("swap", 2, "receipt")]
    public async Task Tampering_fails_at_the_right_line(string tampering, int line, string problem)
    {
        var lines = Chain(5);
        switch (tampering)
        {
            case "flip":
                lines[2] = lines[2].Replace("\"outcome\":\"deleted\"", "\"outcome\":\"deletee\"", StringComparison.Ordinal);
                break;
            case "remove":
                lines.RemoveAt(2);
                break;
            default:
                (lines[1], lines[2]) = (lines[2], lines[1]);
                break;
        }

        await File.WriteAllLinesAsync(_file, lines);

        var run = await cli.RunAsync(null, "receipts", "verify", _file);

        run.ExitCode.ShouldBe(ExitCodes.ReceiptsInvalid);
        run.Error.ShouldContain($"line {line}: ");
        run.Error.ShouldContain(problem);
    }

    [Fact]
    public async Task With_the_saved_signing_key_answer_the_digests_signatures_are_checked_and_a_forged_one_fails_at_its_line()
    {
        using var key = ReceiptSigningKey.Create();
        var chain = Chain(3);
        List<string> lines = [chain[0], chain[1], ReceiptExports.Digest(2, ReceiptExports.HashOf(chain[1]), key, Now), chain[2]];
        await File.WriteAllLinesAsync(_file, lines);
        var keyFile = _file + ".key.json";
        await File.WriteAllTextAsync(keyFile, $$"""{"algorithm":"ES256","keyId":"{{key.KeyId}}","publicKeyPem":{{System.Text.Json.JsonSerializer.Serialize(key.PublicKey.Pem)}}}""");
        try
        {
            var checkedRun = await cli.RunAsync(null, "receipts", "verify", _file, "--key", keyFile);
            checkedRun.ExitCode.ShouldBe(ExitCodes.Ok, checkedRun.Error);
            checkedRun.Line("digests").ShouldBe("1, signatures valid, signed through receipt 2");

            var keyless = await cli.RunAsync(null, "receipts", "verify", _file);
            keyless.Line("digests").ShouldBe("1, signatures not checked (give --key)");

            using var other = ReceiptSigningKey.Create();
            await File.WriteAllTextAsync(keyFile, other.PublicKey.Pem);
            var wrongKey = await cli.RunAsync(null, "receipts", "verify", _file, "--key", keyFile);
            wrongKey.ExitCode.ShouldBe(ExitCodes.ReceiptsInvalid);
            wrongKey.Error.ShouldContain($"line 3: the digest of receipt 2 is signed with key {key.KeyId}");

            await File.WriteAllTextAsync(keyFile, "not a key");
            var badKey = await cli.RunAsync(null, "receipts", "verify", _file, "--key", keyFile);
            badKey.ExitCode.ShouldBe(ExitCodes.Usage);
            badKey.Error.ShouldContain("Not an ECDSA public key");
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    [Fact]
    public async Task A_missing_file_is_a_usage_error()
    {
        var run = await cli.RunAsync(null, "receipts", "verify", _file + ".absent");

        run.ExitCode.ShouldBe(ExitCodes.Usage);
    }

    public void Dispose() => File.Delete(_file);

    private static List<string> Chain(int count) => ReceiptExports.Chain(count, Now);
}
