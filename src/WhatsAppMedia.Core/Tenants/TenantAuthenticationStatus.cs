namespace WhatsAppMedia.Core.Tenants;

/// <summary>The outcome of checking a caller's <c>X-Api-Key</c> for a tenant.</summary>
internal enum TenantAuthenticationStatus
{
    /// <summary>The key matches a usable tenant.</summary>
    Authenticated,

    /// <summary>The tenant id fails the contract's format; nothing was looked up (400 <c>invalid_tenant_id</c>).</summary>
    InvalidTenantId,

    /// <summary>Missing key, wrong key, unknown tenant, or a document whose key hash is itself unusable: all the same 401.</summary>
    Unauthorized,

    /// <summary>
    /// The key matches, but the rest of the tenant document is unusable (for example a missing region). Only a caller who
    /// proved the key learns this; everyone else gets <see cref="Unauthorized"/>. Mapped to 500
    /// <c>tenant_misconfigured</c> without <c>Retry-After</c> (docs/formats.md, "Tenant document"): a permanent operator error, not an outage,
    /// so callers must not be told to retry.
    /// </summary>
    Misconfigured,

    /// <summary>
    /// The tenant store refused to let the service read the tenant (its identity lacks access): 500
    /// <c>tenant_misconfigured</c> without <c>Retry-After</c>, before any key check. It reveals nothing about the tenant:
    /// the refusal comes before the vault looks at the secret, so known and unknown ids get it alike.
    /// </summary>
    StoreRefused,

    /// <summary>
    /// The tenant store could not answer and nothing was cached (503 <c>credentials_unavailable</c>). Also any failure
    /// that would be <see cref="Unauthorized"/> while the store refuses lookups of uncached ids, so that a cached tenant
    /// fails like an uncached one.
    /// </summary>
    Unavailable,
}
