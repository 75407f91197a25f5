namespace WhatsAppMedia.Core.Tenants;

/// <summary>What the cache knows about one tenant id. Immutable: the cache swaps whole entries.</summary>
/// <param name="Lookup">The last authoritative answer: found, not found, disabled, invalid or refused (never unavailable).</param>
/// <param name="TrustedUntil">Until when the answer is served without asking the source.</param>
/// <param name="StaleUntil">Until when a found document may still serve while the source fails.</param>
internal sealed record TenantCacheEntry(TenantLookup Lookup, DateTimeOffset ReadAt, DateTimeOffset TrustedUntil, DateTimeOffset StaleUntil)
{
    /// <summary>No read is attempted before this instant (after a failure or a throttle); the stale document serves meanwhile.</summary>
    public DateTimeOffset RetryNotBefore { get; init; } = DateTimeOffset.MinValue;

    /// <summary>Set by <see cref="ITenantStore.Invalidate"/>: the next lookup reads again whatever the TTL says.</summary>
    public bool Invalidated { get; init; }

    /// <summary>Only real tenants have a good document; unknown ids never get one, which keeps them out of the refresh lane.</summary>
    public bool HasGoodDocument => Lookup.Status == TenantLookupStatus.Found;

    public bool IsTrusted(DateTimeOffset now) => !Invalidated && now < TrustedUntil;

    public bool CanServeStale(DateTimeOffset now) => HasGoodDocument && now < StaleUntil;
}
