namespace WhatsAppMedia.Core.Tenants;

/// <summary>The defaults of <see cref="KeyVaultOptions"/>, stated once (README.md, "Configuration").</summary>
internal static class KeyVaultDefaults
{
    public static readonly TimeSpan CacheTtl = TimeSpan.FromHours(1);

    public static readonly TimeSpan MaxStaleness = TimeSpan.FromHours(12);

    public static readonly TimeSpan NegativeCacheTtl = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan FailureBackoff = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);

    public const int ColdReadConcurrency = 4;

    public const double ColdReadsPerSecond = 5;

    public const int ColdReadBurst = 20;

    public const int MaxRetries = 2;

    public static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(5);
}
