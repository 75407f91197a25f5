namespace WhatsAppMedia.Cli;

/// <summary>Where the CLI reads and writes tenant documents: Key Vault (<c>--vault</c>) or <c>Tenants__{id}</c> settings.</summary>
internal interface ITenantDocumentLocation
{
    /// <summary>The raw document, or null when the tenant does not exist.</summary>
    /// <exception cref="CliException">The location could not be read (<see cref="ExitCodes.VaultError"/>).</exception>
    Task<string?> ReadAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Stores the document, or prints it where storing is the operator's job, and says where it went.</summary>
    /// <exception cref="CliException">The location could not be written (<see cref="ExitCodes.VaultError"/>).</exception>
    Task WriteAsync(string tenantId, string document, CancellationToken cancellationToken);
}
