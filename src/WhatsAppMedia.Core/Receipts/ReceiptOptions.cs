namespace WhatsAppMedia.Core.Receipts;

/// <summary>Settings of deletion receipts (section <c>Receipts</c>; docs/receipts.md, "Settings").</summary>
internal sealed class ReceiptOptions
{
    public const string SectionName = "Receipts";

    /// <summary>The default name of the Key Vault secret that holds the signing key.</summary>
    public const string DefaultSigningKeySecretName = "receipt-signing-key";

    /// <summary>How long a receipt is kept after its outcome, whatever became of its batch.</summary>
    /// <value>Default 400 days: a year of audits and a margin; between 1 day and 36,500 days.</value>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(400);

    /// <summary>
    /// A PEM file with the ECDSA P-256 private key that signs digests; created (with a new key) when absent. Set by the
    /// local host; when set (not empty) it wins over the vault.
    /// </summary>
    public string? SigningKeyFile { get; set; }

    /// <summary>The Key Vault secret (PKCS#8 PEM) that holds the signing key, when <c>KeyVault__VaultUri</c> is set and no file is.</summary>
    /// <value>Default <c>receipt-signing-key</c>.</value>
    public string SigningKeySecretName { get; set; } = DefaultSigningKeySecretName;
}
