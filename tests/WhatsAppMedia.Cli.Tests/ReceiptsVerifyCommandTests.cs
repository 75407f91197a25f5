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
    public async Task A_missing_file_is_a_usage_error()
    {
        var run = await cli.RunAsync(null, "receipts", "verify", _file + ".absent");

        run.ExitCode.ShouldBe(ExitCodes.Usage);
    }

    public void Dispose() => File.Delete(_file);

    private static List<string> Chain(int count) => ReceiptExports.Chain(count, Now);
}
