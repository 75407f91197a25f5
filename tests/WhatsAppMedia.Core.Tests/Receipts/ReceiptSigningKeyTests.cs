using System.Security.Cryptography;
using WhatsAppMedia.Core.Receipts;

namespace WhatsAppMedia.Core.Tests.Receipts;

/// <summary>The digest signing key (docs/receipts.md, "Signed digests"): ES256 over the exact text, its id, and what it refuses.</summary>
public sealed class ReceiptSigningKeyTests
{
    [Fact]
    public void A_signature_verifies_with_the_public_key_read_back_from_its_pem_and_from_the_endpoint_answer()
    {
        using var key = ReceiptSigningKey.Create();
        var signature = key.Sign("""{"seq":1}""");

        Convert.FromBase64String(signature).Length.ShouldBe(64, "IEEE P1363: r and s, 32 bytes each");
        var fromPem = ReceiptPublicKey.Parse(key.PublicKey.Pem);
        var fromAnswer = ReceiptPublicKey.Parse($$"""{"algorithm":"ES256","keyId":"{{key.KeyId}}","publicKeyPem":{{System.Text.Json.JsonSerializer.Serialize(key.PublicKey.Pem)}}}""");
        fromPem.Verifies("""{"seq":1}""", signature).ShouldBeTrue();
        fromAnswer.Verifies("""{"seq":1}""", signature).ShouldBeTrue();
        fromPem.Verifies("""{"seq":2}""", signature).ShouldBeFalse();
        fromPem.Verifies("""{"seq":1}""", "not base64!").ShouldBeFalse();
        fromPem.KeyId.ShouldBe(key.KeyId);
        key.KeyId.ShouldMatch("^[0-9a-f]{16}$");
    }

    [Fact]
    public void The_key_id_is_the_sha256_of_the_subject_public_key_info_and_survives_a_pem_round_trip()
    {
        using var key = ReceiptSigningKey.Create();
        using var again = ReceiptSigningKey.FromPem(key.ToPem());

        again.KeyId.ShouldBe(key.KeyId);
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(key.PublicKey.Pem);
        key.KeyId.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(ecdsa.ExportSubjectPublicKeyInfo()))[..16]);
    }

    [Fact]
    public void Anything_but_a_p256_private_key_is_refused_with_a_reason()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using var p256 = ReceiptSigningKey.Create();

        Should.Throw<FormatException>(() => ReceiptSigningKey.FromPem("not a key")).Message.ShouldContain("PEM");
        Should.Throw<FormatException>(() => ReceiptSigningKey.FromPem(p384.ExportPkcs8PrivateKeyPem())).Message.ShouldContain("P-256");
        Should.Throw<FormatException>(() => ReceiptSigningKey.FromPem(p256.PublicKey.Pem)).Message.ShouldContain("no private key");
        Should.Throw<FormatException>(() => ReceiptPublicKey.Parse(p384.ExportSubjectPublicKeyInfoPem())).Message.ShouldContain("P-256");
        Should.Throw<FormatException>(() => ReceiptPublicKey.Parse("""{"keyId":"x"}""")).Message.ShouldContain("publicKeyPem");
        Should.Throw<FormatException>(() => ReceiptPublicKey.Parse("{ nope")).Message.ShouldContain("not");
    }
}
