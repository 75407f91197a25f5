using Azure.Security.KeyVault.Secrets;

namespace WhatsAppMedia.Core.Tenants;

/// <summary>
/// Builds the Key Vault client from the validated <see cref="KeyVaultOptions"/>, for the tenant store and the receipt
/// signing key alike; tests register one that reaches a stand-in.
/// </summary>
internal sealed class SecretClientFactory(Func<KeyVaultOptions, SecretClient> create)
{
    public SecretClient Create(KeyVaultOptions options) => create(options);
}
