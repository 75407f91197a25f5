namespace WhatsAppMedia.Core.Tenants;

/// <summary>What a tenant store could say about one tenant id.</summary>
public enum TenantLookupStatus
{
    /// <summary>The tenant exists and its document is usable.</summary>
    Found,

    /// <summary>No such tenant (unknown tenant in contract terms).</summary>
    NotFound,

    /// <summary>The tenant exists but its document is unusable; <see cref="TenantLookup.Error"/> names the field.</summary>
    Invalid,

    /// <summary>
    /// The store could not answer: it failed or refused to read now (too many reads for uncached tenants) and had
    /// nothing usable cached. Contract code <c>credentials_unavailable</c>; a queue message should be retried.
    /// </summary>
    Unavailable,
}
