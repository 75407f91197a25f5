namespace WhatsAppMedia.Core.Receipts;

/// <summary>No signing key configured (no key file, no vault): receipts are chained but no digest is signed.</summary>
internal sealed class NoReceiptSigningKeySource : IReceiptSigningKeySource
{
    public string Description => "no signing key (set Receipts__SigningKeyFile or KeyVault__VaultUri)";

    public Task<ReceiptSigningKey?> GetAsync(CancellationToken cancellationToken) => Task.FromResult<ReceiptSigningKey?>(null);
}
