using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.Benchmarks;

/// <summary>A tenant store that gives every id the same answer synchronously, so a benchmark measures only its caller.</summary>
internal sealed class FixedTenantStore(TenantLookup answer) : ITenantStore
{
    public ValueTask<TenantLookup> GetAsync(string tenantId, CancellationToken cancellationToken = default) => ValueTask.FromResult(answer);

    public void Invalidate(string tenantId)
    {
        // Nothing is cached here.
    }

    /// <summary>Never refuses: the benchmark measures the check itself, not a flood.</summary>
    public TenantLookup? UncachedLookupRefusal() => null;
}
