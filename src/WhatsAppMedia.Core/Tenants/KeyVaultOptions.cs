namespace WhatsAppMedia.Core.Tenants;

/// <summary>
/// Tenant store settings, configuration section <c>KeyVault</c> (<c>KeyVault__*</c>). Only <see cref="VaultUri"/>
/// and <see cref="CacheTtl"/> are documented keys (README.md, "Configuration"); the rest tune the cache and have safe defaults.
/// </summary>
public sealed class KeyVaultOptions
{
    public const string SectionName = "KeyVault";

    /// <summary>The vault, for example <c>https://my-vault.vault.azure.net/</c>. Unset: tenants come from <c>Tenants__{id}</c> settings.</summary>
    public Uri? VaultUri { get; set; }

    /// <summary>How long a document read from the vault is trusted without asking again. Default 1 hour.</summary>
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long past <see cref="CacheTtl"/> the last good document keeps serving while the vault fails or throttles.
    /// Default 12 hours: long enough to ride out a regional incident, short enough that a removed tenant stops eventually.
    /// Zero turns stale serving off.
    /// </summary>
    public TimeSpan MaxStaleness { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long "no such tenant" and "unusable document" answers are remembered. Default 1 minute.</summary>
    public TimeSpan NegativeCacheTtl { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>After a failed read of a tenant, how long to serve its last good document before asking again. Default 30 seconds.</summary>
    public TimeSpan FailureBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest one read may take, the client's own retries included. Default 10 seconds.</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many reads for tenants not in the cache may run at once. Default 4.</summary>
    public int ColdReadConcurrency { get; set; } = 4;

    /// <summary>
    /// The sustained rate of reads for tenants not in the cache, per instance. Beyond it (and <see cref="ColdReadBurst"/>)
    /// such lookups answer Unavailable at once instead of reaching the vault. Default 5 per second.
    /// </summary>
    public double ColdReadsPerSecond { get; set; } = 5;

    /// <summary>How many reads for tenants not in the cache may happen in a burst before the rate applies. Default 20.</summary>
    public int ColdReadBurst { get; set; } = 20;

    /// <summary>The Key Vault client's own retries per read (exponential from 0.5 s, at most 4 s apart). Default 2.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The Key Vault client's timeout for one HTTP attempt. Default 5 seconds.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The client id of the user-assigned managed identity that reads the vault. Unset: <c>AZURE_CLIENT_ID</c>, as
    /// Azure.Identity reads it (see <see cref="Hosting.ServiceIdentity"/>), else the default identity chain.
    /// </summary>
    public string? ClientId { get; set; }
}
