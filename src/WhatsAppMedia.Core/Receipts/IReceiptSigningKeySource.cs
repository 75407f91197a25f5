namespace WhatsAppMedia.Core.Receipts;

/// <summary>Where the digest signing key comes from (docs/receipts.md, "The signing key"): a local file, a Key Vault secret, or nowhere.</summary>
internal interface IReceiptSigningKeySource
{
    /// <summary>A short name of the source for logs and errors, never the key.</summary>
    string Description { get; }

    /// <summary>The key; null when none is configured or the vault holds no such secret.</summary>
    /// <exception cref="InvalidOperationException">The key exists but cannot be used (not an ECDSA P-256 private key).</exception>
    Task<ReceiptSigningKey?> GetAsync(CancellationToken cancellationToken);
}
