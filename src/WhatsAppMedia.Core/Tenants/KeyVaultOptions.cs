namespace WhatsAppMedia.Core.Tenants;

/// <summary>
/// Tenant store settings, configuration section <c>KeyVault</c> (<c>KeyVault__*</c>), each listed with its default in
/// README.md, "Configuration".
/// </summary>
internal sealed class KeyVaultOptions
{
    public const string SectionName = "KeyVault";

    /// <summary>The vault, for example <c>https://my-vault.vault.azure.net/</c>. Unset: tenants come from <c>Tenants__{id}</c> settings.</summary>
    public Uri? VaultUri { get; set; }

    /// <summary>How long a document read from the vault is trusted without asking again.</summary>
    /// <value>Default 1 hour.</value>
    public TimeSpan CacheTtl { get; set; } = KeyVaultDefaults.CacheTtl;

    /// <summary>
    /// How long past <see cref="CacheTtl"/> the last good document keeps serving while the vault fails or throttles.
    /// Zero turns stale serving off.
    /// </summary>
    /// <value>Default 12 hours: long enough to ride out a regional incident, short enough that a removed tenant stops eventually.</value>
    public TimeSpan MaxStaleness { get; set; } = KeyVaultDefaults.MaxStaleness;

    /// <summary>How long "no such tenant" and "unusable document" answers are remembered.</summary>
    /// <value>Default 1 minute.</value>
    public TimeSpan NegativeCacheTtl { get; set; } = KeyVaultDefaults.NegativeCacheTtl;

    /// <summary>After a failed read of a tenant, how long to serve its last good document before asking again.</summary>
    /// <value>Default 30 seconds.</value>
    public TimeSpan FailureBackoff { get; set; } = KeyVaultDefaults.FailureBackoff;

    /// <summary>The longest one read may take, the client's own retries included.</summary>
    /// <value>Default 10 seconds.</value>
    public TimeSpan ReadTimeout { get; set; } = KeyVaultDefaults.ReadTimeout;

    /// <summary>How many reads for tenants not in the cache may run at once.</summary>
    /// <value>Default 4.</value>
    public int ColdReadConcurrency { get; set; } = KeyVaultDefaults.ColdReadConcurrency;

    /// <summary>
    /// The sustained rate of reads for tenants not in the cache, per instance. Beyond it (and <see cref="ColdReadBurst"/>)
    /// such lookups answer Unavailable at once instead of reaching the vault.
    /// </summary>
    /// <value>Default 5 per second.</value>
    public double ColdReadsPerSecond { get; set; } = KeyVaultDefaults.ColdReadsPerSecond;

    /// <summary>How many reads for tenants not in the cache may happen in a burst before the rate applies.</summary>
    /// <value>Default 20.</value>
    public int ColdReadBurst { get; set; } = KeyVaultDefaults.ColdReadBurst;

    /// <summary>The Key Vault client's own retries per read (exponential from 0.5 s, at most 4 s apart).</summary>
    /// <value>Default 2.</value>
    public int MaxRetries { get; set; } = KeyVaultDefaults.MaxRetries;

    /// <summary>The Key Vault client's timeout for one HTTP attempt.</summary>
    /// <value>Default 5 seconds.</value>
    public TimeSpan NetworkTimeout { get; set; } = KeyVaultDefaults.NetworkTimeout;

    /// <summary>
    /// The client id of the user-assigned managed identity that reads the vault. Unset: <c>AZURE_CLIENT_ID</c>, as
    /// Azure.Identity reads it (see <see cref="Hosting.ServiceIdentity"/>), else the default identity chain.
    /// </summary>
    public string? ClientId { get; set; }
}
