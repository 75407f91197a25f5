using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace WhatsAppMedia.Core.Receipts;

/// <summary>
/// The public half of the key that signs receipt digests, as <c>GET /api/receipts/signing-key</c> serves it
/// (docs/receipts.md, "Signed digests"). Its id is the first 16 hex digits of the SHA-256 of its SubjectPublicKeyInfo,
/// so anyone holding the key can compute it.
/// </summary>
public sealed class ReceiptPublicKey
{
    internal const string P256Oid = "1.2.840.10045.3.1.7";

    private readonly byte[] _subjectPublicKeyInfo;

    private ReceiptPublicKey(byte[] subjectPublicKeyInfo, ECParameters parameters)
    {
        _subjectPublicKeyInfo = subjectPublicKeyInfo;
        KeyId = Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo))[..16];
        X = Base64Url(parameters.Q.X!);
        Y = Base64Url(parameters.Q.Y!);
    }

    /// <summary>The key's id, as digests name it.</summary>
    public string KeyId { get; }

    /// <summary>The key as PEM (<c>-----BEGIN PUBLIC KEY-----</c>).</summary>
    public string Pem => PemEncoding.WriteString("PUBLIC KEY", _subjectPublicKeyInfo);

    /// <summary>The JWK coordinates (RFC 7518, section 6.2.1), base64url.</summary>
    internal string X { get; }

    internal string Y { get; }

    /// <summary>
    /// Reads a public key from a PEM public key, or from the JSON answer of <c>GET /api/receipts/signing-key</c> (its
    /// <c>publicKeyPem</c>).
    /// </summary>
    /// <exception cref="FormatException">The text is neither, or the key is not on P-256.</exception>
    public static ReceiptPublicKey Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pem = text.TrimStart().StartsWith('{') ? PemOf(text) : text;
        using var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            throw new FormatException("Not an ECDSA public key: give the PEM (-----BEGIN PUBLIC KEY-----) or the answer of GET /api/receipts/signing-key.", exception);
        }

        if (key.ExportParameters(false).Curve.Oid?.Value != P256Oid)
        {
            throw new FormatException("The public key must be on curve P-256 (secp256r1).");
        }

        return From(key);
    }

    internal static ReceiptPublicKey From(ECDsa key) => new(key.ExportSubjectPublicKeyInfo(), key.ExportParameters(false));

    /// <summary>Whether <paramref name="signature"/> (base64, IEEE P1363) signs the UTF-8 bytes of <paramref name="text"/>.</summary>
    internal bool Verifies(string text, string signature)
    {
        var bytes = new byte[64];
        if (!Convert.TryFromBase64String(signature, bytes, out var written) || written != 64)
        {
            return false;
        }

        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(_subjectPublicKeyInfo, out _);
        return key.VerifyData(Encoding.UTF8.GetBytes(text), bytes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    private static string PemOf(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("publicKeyPem", out var pem)
                && pem.ValueKind == JsonValueKind.String)
            {
                return pem.GetString()!;
            }
        }
        catch (JsonException exception)
        {
            throw new FormatException("The key file starts like JSON but is not: give the PEM or the answer of GET /api/receipts/signing-key.", exception);
        }

        throw new FormatException("The JSON has no 'publicKeyPem': give the answer of GET /api/receipts/signing-key.");
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
