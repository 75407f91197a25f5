namespace WhatsAppMedia.DevHost.Azurite;

/// <summary>How to start Azurite's queue and table services.</summary>
public sealed class AzuriteOptions
{
    /// <summary>The queue port; 0 (the default) lets the system pick a free one, which Azurite then reports.</summary>
    public int QueuePort { get; init; }

    /// <summary>The table port; 0 (the default) lets the system pick a free one, which Azurite then reports.</summary>
    public int TablePort { get; init; }

    /// <summary>
    /// The directory holding <c>package.json</c> and <c>node_modules</c>; when null, found by walking up from the
    /// running assembly.
    /// </summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>PEM certificate and key files: Azurite then serves https (which bearer tokens need).</summary>
    public string? CertificatePath { get; init; }

    /// <inheritdoc cref="CertificatePath"/>
    public string? KeyPath { get; init; }

    /// <summary>Accept bearer tokens (Azurite's <c>--oauth basic</c>: audience, issuer and lifetime are checked, the signature is not). Needs https.</summary>
    public bool BasicOAuth { get; init; }

    /// <summary>How long to wait for Azurite to say it is listening before giving up.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
