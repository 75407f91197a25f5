namespace WhatsAppMedia.DevHost;

internal static class DevHostPaths
{
    /// <summary>The configuration key under which the local host keeps the repository root it runs from.</summary>
    public const string RepositoryRootKey = "DevHost:RepositoryRoot";

    /// <summary>The setting of the receipt signing key file (Core's <c>Receipts:SigningKeyFile</c>).</summary>
    public const string SigningKeyFileKey = "Receipts:SigningKeyFile";

    /// <summary>The vault setting (Core's <c>KeyVault:VaultUri</c>).</summary>
    public const string VaultUriKey = "KeyVault:VaultUri";
}
