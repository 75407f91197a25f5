using WhatsAppMedia.Core.Receipts;
using WhatsAppMedia.Testing.Receipts;

namespace WhatsAppMedia.Core.Tests.Receipts;

/// <summary>The offline check of an export (docs/receipts.md, "Verifying an export"): each kind of tampering fails at its line.</summary>
public sealed class ReceiptVerifierTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_untouched_export_verifies()
    {
        ReceiptVerifier.Verify(Chain(4)).ShouldBe(new ReceiptVerification(4, null, null, 0, null, false));
        ReceiptVerifier.Verify([]).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void A_flipped_byte_fails_at_its_line()
    {
        var lines = Chain(4);
        lines[2] = lines[2].Replace("\"deleted\"", "\"deletes\"", StringComparison.Ordinal);

        var result = ReceiptVerifier.Verify(lines);

        (result.FailedLine, result.Receipts).ShouldBe((3, 2));
        result.Problem!.ShouldContain("does not match its hash");
    }

    [Fact]
    public void A_removed_line_fails_at_the_line_after_it()
    {
        var lines = Chain(4);
        lines.RemoveAt(1);

        var result = ReceiptVerifier.Verify(lines);

        result.FailedLine.ShouldBe(2);
        result.Problem!.ShouldContain("1 receipt(s) missing");
    }

    [Fact]
    public void A_reordered_pair_fails_at_the_first_of_them()
    {
        var lines = Chain(4);
        (lines[1], lines[2]) = (lines[2], lines[1]);

        var result = ReceiptVerifier.Verify(lines);

        result.FailedLine.ShouldBe(2);
    }

    [Fact]
    public void A_receipt_rewritten_with_a_fresh_hash_breaks_the_link_of_the_next()
    {
        var lines = Chain(3);
        var forged = Receipt(2, "forged", Hash(lines[0]));
        lines[1] = ReceiptChain.Line(forged, ReceiptChain.Hash(forged));

        var result = ReceiptVerifier.Verify(lines);

        result.FailedLine.ShouldBe(3);
        result.Problem!.ShouldContain("does not follow receipt 2");
    }

    [Fact]
    public void A_filtered_export_verifies_with_gaps_allowed_and_still_fails_on_a_changed_byte()
    {
        var lines = Chain(5);
        List<string> filtered = [lines[0], lines[2], lines[4]];
        ReceiptVerifier.Verify(filtered).IsValid.ShouldBeFalse();
        ReceiptVerifier.Verify(filtered, allowGaps: true).IsValid.ShouldBeTrue();

        filtered[1] = filtered[1].Replace("1013859600285441", "1013859600285442", StringComparison.Ordinal);
        ReceiptVerifier.Verify(filtered, allowGaps: true).FailedLine.ShouldBe(2);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"hash\":\"00\"}")]
    public void A_line_that_is_no_receipt_fails(string line) => ReceiptVerifier.Verify([line]).FailedLine.ShouldBe(1);

    private static List<string> Chain(int count) => ReceiptExports.Chain(count, Now);

    private static string Hash(string line) => line.Substring("{\"hash\":\"".Length, 64);

    private static string Receipt(long sequence, string outcome, string previous) => ReceiptExports.Receipt(sequence, outcome, previous, Now);
}
