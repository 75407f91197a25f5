using Azure.Core;
using Azure.Security.KeyVault.Secrets;
using WhatsAppMedia.Core.Hosting;

namespace WhatsAppMedia.Core.Tenants;

/// <summary>Builds the production Key Vault client: the app's identity (<see cref="ServiceIdentity"/>) and bounded retries.</summary>
public static class KeyVaultClientFactory
{
    /// <summary>The first retry delay of the client; later ones double (exponential back-off with jitter).</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest delay between two retries of the client.</summary>
    public static readonly TimeSpan RetryMaxDelay = TimeSpan.FromSeconds(4);

    /// <summary>The client for the vault at <paramref name="vaultUri"/>, with the service's identity and the default <see cref="KeyVaultOptions"/>.</summary>
    public static SecretClient Create(Uri vaultUri)
    {
        ArgumentNullException.ThrowIfNull(vaultUri);
        return Create(new KeyVaultOptions { VaultUri = vaultUri });
    }

    /// <exception cref="ArgumentException"><see cref="KeyVaultOptions.VaultUri"/> is not set.</exception>
    internal static SecretClient Create(KeyVaultOptions options, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var vaultUri = options.VaultUri ?? throw new ArgumentException("KeyVault:VaultUri is not set.", nameof(options));
        credential ??= ServiceIdentity.Credential(options.ClientId);
        return new SecretClient(vaultUri, credential, CreateClientOptions(options));
    }

    /// <summary>
    /// Client options for the service: <see cref="KeyVaultOptions.MaxRetries"/> exponential retries from
    /// <see cref="RetryDelay"/> up to <see cref="RetryMaxDelay"/> apart, <see cref="KeyVaultOptions.NetworkTimeout"/> per
    /// attempt, and no retry of HTTP 429 (the cache honours Retry-After for all reads instead). The cache's
    /// <see cref="KeyVaultOptions.ReadTimeout"/> bounds the whole read on top of this.
    /// </summary>
    internal static SecretClientOptions CreateClientOptions(KeyVaultOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new SecretClientOptions();
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Delay = RetryDelay;
        clientOptions.Retry.MaxDelay = RetryMaxDelay;
        clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
        clientOptions.RetryPolicy = new KeyVaultRetryPolicy(options.MaxRetries, DelayStrategy.CreateExponentialDelayStrategy(RetryDelay, RetryMaxDelay));
        return clientOptions;
    }
}
