using System.Security.Cryptography;
using System.Text;

namespace WhatsAppMedia.Core.Receipts;

/// <summary>
/// The private key that signs digests (docs/receipts.md, "Signed digests"): ECDSA on P-256 with SHA-256 (ES256), the
/// signature in the IEEE P1363 form (r and s, 32 bytes each) that JWS uses. Read from PKCS#8 PEM; refuses any other curve.
/// </summary>
internal sealed class ReceiptSigningKey : IDisposable
{
    private readonly ECDsa _key;

    private ReceiptSigningKey(ECDsa key)
    {
        _key = key;
        PublicKey = ReceiptPublicKey.From(key);
    }

    public ReceiptPublicKey PublicKey { get; }

    public string KeyId => PublicKey.KeyId;

    public static ReceiptSigningKey Create() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <exception cref="FormatException">The text is not a PEM private key on P-256.</exception>
    public static ReceiptSigningKey FromPem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new FormatException("The signing key is not an ECDSA private key in PEM form (-----BEGIN PRIVATE KEY-----).", exception);
        }

        if (key.KeySize != 256 || key.ExportParameters(false).Curve.Oid?.Value != ReceiptPublicKey.P256Oid)
        {
            key.Dispose();
            throw new FormatException("The signing key must be on curve P-256 (secp256r1).");
        }

        try
        {
            // A public key in PEM imports as well, and cannot sign.
            key.ExportParameters(true);
        }
        catch (CryptographicException exception)
        {
            key.Dispose();
            throw new FormatException("The signing key holds no private key.", exception);
        }

        return new ReceiptSigningKey(key);
    }

    /// <summary>The key as PKCS#8 PEM, as the key file and the vault secret hold it.</summary>
    public string ToPem() => _key.ExportPkcs8PrivateKeyPem();

    /// <summary>The base64 signature of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public string Sign(string text) =>
        Convert.ToBase64String(_key.SignData(Encoding.UTF8.GetBytes(text), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

    public void Dispose() => _key.Dispose();
}
