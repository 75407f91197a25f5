namespace WhatsAppMedia.Cli;

/// <summary>The exit codes scripts can rely on; <see cref="HelpText"/> repeats them in <c>--help</c>.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Something unexpected went wrong (a bug); the message is on standard error.</summary>
    public const int UnexpectedFailure = 1;

    /// <summary>A missing, unknown or invalid option; nothing was changed.</summary>
    public const int Usage = 2;

    /// <summary>The tenant does not exist (in the vault, or as a <c>Tenants__{id}</c> environment variable).</summary>
    public const int TenantNotFound = 3;

    /// <summary>Key Vault could not be reached, refused the identity, or throttled; nothing was changed.</summary>
    public const int VaultError = 4;

    /// <summary><c>tenant add</c> for a tenant that already exists, without <c>--force</c>; nothing was changed.</summary>
    public const int TenantExists = 5;

    /// <summary>The stored tenant document is unusable; the problem (a field name, never a value) is on standard error.</summary>
    public const int InvalidDocument = 6;

    /// <summary>Queue or table storage could not be reached or refused the identity; what was done before stays done.</summary>
    public const int StorageError = 7;

    /// <summary><c>receipts verify</c>: a receipt of the export was changed, removed or reordered; standard error names the line.</summary>
    public const int ReceiptsInvalid = 8;

    public const string HelpText =
        "Exit codes: 0 ok, 1 unexpected failure, 2 usage error, 3 tenant not found, 4 Key Vault error, 5 tenant already exists, 6 stored tenant document unusable, 7 storage error, 8 receipts do not verify.";
}
