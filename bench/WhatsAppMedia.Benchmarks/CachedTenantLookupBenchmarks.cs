using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.Benchmarks;

/// <summary>
/// A lookup of a tenant the cache already trusts: what every request and every queue message pays when Key Vault
/// holds the tenants. The source is in memory and read once in setup; the measured path never reaches it.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class CachedTenantLookupBenchmarks : IDisposable
{
    private CachingTenantStore? _store;

    [GlobalSetup]
    public async Task WarmTheCache()
    {
        var source = new InMemoryTenantDocumentSource(new Dictionary<string, string>
        {
            [SampleTenants.MetaTenantId] = SampleTenants.MetaDocument,
        });
        _store = new CachingTenantStore(source, new KeyVaultOptions(), TimeProvider.System, NullLogger<CachingTenantStore>.Instance);
        var lookup = await _store.GetAsync(SampleTenants.MetaTenantId);
        if (!lookup.IsFound)
        {
            throw new InvalidOperationException("The sample tenant did not load into the cache.");
        }
    }

    [Benchmark]
    public async ValueTask<object> CachedLookup() => await _store!.GetAsync(SampleTenants.MetaTenantId);

    [GlobalCleanup]
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _store?.Dispose();
        }
    }
}
