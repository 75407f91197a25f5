namespace WhatsAppMedia.Core.Tenants;

/// <summary>
/// Where tenants live (docs/formats.md, "Tenant document"): Key Vault when <c>KeyVault__VaultUri</c> is set, configuration otherwise.
/// Registered by <see cref="TenantServiceCollectionExtensions.AddTenants"/>.
/// </summary>
internal interface ITenantStore
{
    /// <summary>Looks a tenant up. Never throws for store failures: they come back as <see cref="TenantLookupStatus.Unavailable"/>.</summary>
    /// <exception cref="ArgumentException">The id fails <see cref="TenantIds.IsValid"/>; nothing was looked up.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled; a shared read carries on for other callers.</exception>
    ValueTask<TenantLookup> GetAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Forgets the cached document, so the next <see cref="GetAsync"/> reads the store again. Call it when the provider
    /// refused the tenant's credentials, then look up and try once more: a rotated secret takes effect without a restart.
    /// </summary>
    /// <exception cref="ArgumentException">The id fails <see cref="TenantIds.IsValid"/>.</exception>
    void Invalidate(string tenantId);

    /// <summary>
    /// What a lookup of an id with nothing cached would answer right now without asking the source, when the store is
    /// refusing such lookups (its read budget is spent or the source is throttling: Unavailable) or the source has
    /// lately refused the service's identity (Refused); null when it would look them up.
    /// Takes nothing from the budget.
    /// </summary>
    TenantLookup? UncachedLookupRefusal();
}
