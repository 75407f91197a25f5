using WhatsAppMedia.Core.Receipts;
using WhatsAppMedia.Testing.Receipts;

namespace WhatsAppMedia.Core.Tests.Receipts;

/// <summary>
/// Signed digests in an export (docs/receipts.md, "Verifying an export"): a digest line after the receipt it names is
/// checked against that receipt and, given the key, its signature; each forgery fails at the digest's line.
/// </summary>
public sealed class ReceiptDigestVerifierTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private readonly ReceiptSigningKey _key = ReceiptSigningKey.Create();

    public void Dispose() => _key.Dispose();

    [Fact]
    public void Digests_after_the_receipts_they_name_verify_with_the_key_and_say_how_far_the_chain_is_signed()
    {
        var lines = Signed();

        var result = ReceiptVerifier.Verify(lines, signingKey: _key.PublicKey);

        result.ShouldBe(new ReceiptVerification(4, null, null, 2, 3, true));
        ReceiptVerifier.Verify(lines).ShouldBe(new ReceiptVerification(4, null, null, 2, 3, false), "without the key the digests are checked against the chain only");
    }

    [Fact]
    public void A_flipped_signature_byte_fails_at_the_digest_line()
    {
        var lines = Signed();
        var signature = System.Text.Json.JsonDocument.Parse(lines[4]).RootElement.GetProperty("signature").GetString()!;
        var bytes = Convert.FromBase64String(signature);
        bytes[10] ^= 0x01;
        lines[4] = lines[4].Replace(signature, Convert.ToBase64String(bytes), StringComparison.Ordinal);

        var result = ReceiptVerifier.Verify(lines, signingKey: _key.PublicKey);

        (result.FailedLine, result.Receipts, result.Digests).ShouldBe((5, 3, 1));
        result.Problem!.ShouldContain("signature does not match");
    }

    [Fact]
    public void A_digest_whose_text_was_changed_fails_its_signature()
    {
        var lines = Signed();
        lines[4] = lines[4].Replace("\"signedAt\":\"2026-12-07T09:00:00+00:00\"", "\"signedAt\":\"2026-12-08T09:00:00+00:00\"", StringComparison.Ordinal);

        var result = ReceiptVerifier.Verify(lines, signingKey: _key.PublicKey);

        result.FailedLine.ShouldBe(5);
        result.Problem!.ShouldContain("signature does not match");
    }

    [Fact]
    public void Another_key_is_named_with_both_ids()
    {
        using var other = ReceiptSigningKey.Create();

        var result = ReceiptVerifier.Verify(Signed(), signingKey: other.PublicKey);

        result.FailedLine.ShouldBe(2);
        result.Problem!.ShouldContain(_key.KeyId);
        result.Problem!.ShouldContain(other.KeyId);
    }

    [Fact]
    public void A_digest_moved_to_another_receipt_or_naming_another_hash_fails_at_its_line()
    {
        var moved = Signed();
        (moved[1], moved[2]) = (moved[2], moved[1]);
        var result = ReceiptVerifier.Verify(moved, signingKey: _key.PublicKey);
        result.FailedLine.ShouldBe(3);
        result.Problem!.ShouldContain("does not follow receipt 1");

        var chain = ReceiptExports.Chain(2, Now);
        List<string> forged = [chain[0], ReceiptExports.Digest(1, new string('a', 64), _key, Now), chain[1]];
        var named = ReceiptVerifier.Verify(forged, signingKey: _key.PublicKey);
        named.FailedLine.ShouldBe(2);
        named.Problem!.ShouldContain("another chain");
    }

    [Fact]
    public void A_receipt_changed_before_a_digest_still_fails_at_the_receipt()
    {
        var lines = Signed();
        lines[0] = lines[0].Replace("\"deleted\"", "\"notFound\"", StringComparison.Ordinal);

        ReceiptVerifier.Verify(lines, signingKey: _key.PublicKey).FailedLine.ShouldBe(1);
    }

    /// <summary>Receipts 1–4 with digests after receipts 1 and 3: lines r1, d1, r2, r3, d3, r4.</summary>
    private List<string> Signed()
    {
        var chain = ReceiptExports.Chain(4, Now);
        return
        [
            chain[0], ReceiptExports.Digest(1, ReceiptExports.HashOf(chain[0]), _key, Now),
            chain[1], chain[2], ReceiptExports.Digest(3, ReceiptExports.HashOf(chain[2]), _key, Now),
            chain[3],
        ];
    }
}
