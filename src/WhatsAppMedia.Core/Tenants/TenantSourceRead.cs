namespace WhatsAppMedia.Core.Tenants;

/// <summary>
/// One read of a tenant document from its source: the raw document, "no such tenant", "the tenant's secret is
/// disabled", the source's refusal to let the service read it (its permission, not an outage), or a failure.
/// </summary>
internal sealed class TenantSourceRead
{
    private TenantSourceRead(string? document, string? failure, bool throttled, TimeSpan? retryAfter, bool disabled = false, string? refusal = null)
    {
        Document = document;
        Failure = failure;
        Throttled = throttled;
        RetryAfter = retryAfter;
        IsDisabled = disabled;
        Refusal = refusal;
    }

    public static TenantSourceRead NotFound { get; } = new(null, null, false, null);

    /// <summary>The tenant's secret exists but is disabled (Key Vault: 403 with inner error <c>SecretDisabled</c>).</summary>
    public static TenantSourceRead Disabled { get; } = new(null, null, false, null, disabled: true);

    public bool IsDisabled { get; }

    /// <summary>
    /// Why the source refused the service's identity (any other 403: an access policy, RBAC or firewall refusal), for
    /// the error log: names the vault and the secret, never a value. Null unless refused.
    /// </summary>
    public string? Refusal { get; }

    /// <summary>The raw document, when the tenant exists.</summary>
    public string? Document { get; }

    /// <summary>What went wrong, for logs (never a secret); null when the source answered.</summary>
    public string? Failure { get; }

    /// <summary>Whether the source asked us to slow down.</summary>
    public bool Throttled { get; }

    /// <summary>How long the source asked us to wait, when it said so.</summary>
    public TimeSpan? RetryAfter { get; }

    public bool HasFailed => Failure is not null;

    public static TenantSourceRead Found(string document) => new(document, null, false, null);

    public static TenantSourceRead Failed(string failure, bool throttled = false, TimeSpan? retryAfter = null) =>
        new(null, failure, throttled, retryAfter);

    public static TenantSourceRead Refused(string refusal)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(refusal);
        return new(null, null, false, null, refusal: refusal);
    }
}
