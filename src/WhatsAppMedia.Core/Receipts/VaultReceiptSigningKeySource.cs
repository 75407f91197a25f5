using Azure;
using Azure.Security.KeyVault.Secrets;

namespace WhatsAppMedia.Core.Receipts;

/// <summary>
/// The signing key in Azure: a Key Vault secret holding the PKCS#8 PEM, read with the app's identity like a tenant's
/// document (docs/receipts.md, "The signing key"). Read again after <see cref="CacheTtl"/>, so a rotated key is taken up.
/// </summary>
internal sealed class VaultReceiptSigningKeySource(SecretClient secrets, string secretName, TimeProvider timeProvider) : IReceiptSigningKeySource
{
    /// <summary>How long a key read from the vault is used without asking again.</summary>
    public static readonly TimeSpan CacheTtl = TimeSpan.FromHours(1);

    private (ReceiptSigningKey Key, DateTimeOffset ReadAt)? _cached;

    public string Description => $"Key Vault secret '{secretName}'";

    public async Task<ReceiptSigningKey?> GetAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (_cached is { } cached && now - cached.ReadAt < CacheTtl)
        {
            return cached.Key;
        }

        KeyVaultSecret secret;
        try
        {
            secret = (await secrets.GetSecretAsync(secretName, cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException missing) when (missing.Status == 404)
        {
            return null;
        }

        ReceiptSigningKey key;
        try
        {
            key = ReceiptSigningKey.FromPem(secret.Value ?? string.Empty);
        }
        catch (FormatException exception)
        {
            throw new InvalidOperationException($"The Key Vault secret '{secretName}' cannot be used as the receipt signing key: {exception.Message}", exception);
        }

        // The key replaced is not disposed: a digest being signed with it at this moment still holds it.
        _cached = (key, now);
        return key;
    }
}
