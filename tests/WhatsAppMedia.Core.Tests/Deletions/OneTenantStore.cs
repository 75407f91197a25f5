using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.Core.Tests.Deletions;

/// <summary>A tenant store that knows one tenant and finds it every time, so a refusal is retried with the "fresh" copy.</summary>
internal sealed class OneTenantStore(Tenant tenant) : ITenantStore
{
    public ValueTask<TenantLookup> GetAsync(string tenantId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(tenantId == tenant.Id ? TenantLookup.Found(tenant) : TenantLookup.NotFound);

    public void Invalidate(string tenantId)
    {
    }

    public TenantLookup? UncachedLookupRefusal() => null;
}
