using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.Benchmarks;

/// <summary>Tenant documents from a dictionary, answered synchronously: the cache in front of it is what is measured.</summary>
internal sealed class InMemoryTenantDocumentSource(IReadOnlyDictionary<string, string> documents) : ITenantDocumentSource
{
    public Task<TenantSourceRead> ReadAsync(string tenantId, CancellationToken cancellationToken) =>
        Task.FromResult(documents.TryGetValue(tenantId, out var document) ? TenantSourceRead.Found(document) : TenantSourceRead.NotFound);
}
