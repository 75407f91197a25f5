namespace WhatsAppMedia.Core.Tenants;

/// <summary>What a tenant store could say about one tenant id.</summary>
internal enum TenantLookupStatus
{
    /// <summary>The tenant exists and its document is usable.</summary>
    Found,

    /// <summary>No such tenant (unknown tenant in contract terms).</summary>
    NotFound,

    /// <summary>The tenant exists but its document is unusable; <see cref="TenantLookup.Error"/> names the field.</summary>
    Invalid,

    /// <summary>
    /// The tenant's secret is disabled in Key Vault: a state an operator chose, not an outage. Callers see an unknown
    /// tenant (401); a queue message goes to <c>-failed</c> as <c>tenant_disabled</c> (README.md, "Try it").
    /// </summary>
    Disabled,

    /// <summary>
    /// The store refused to let the service read the tenant (Key Vault 403 other than a disabled secret: the service's
    /// own permission). Contract code <c>tenant_misconfigured</c>, never retried; <see cref="TenantLookup.Detail"/> says why.
    /// </summary>
    Refused,

    /// <summary>
    /// The store could not answer: it failed or refused to read now (too many reads for uncached tenants) and had
    /// nothing usable cached. Contract code <c>credentials_unavailable</c>; a queue message should be retried.
    /// </summary>
    Unavailable,
}
