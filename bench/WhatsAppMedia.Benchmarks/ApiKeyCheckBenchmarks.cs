using BenchmarkDotNet.Attributes;
using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.Benchmarks;

/// <summary>
/// The <c>X-Api-Key</c> check every HTTP request pays, against a store that answers at once, so only the check is
/// measured. A right and a wrong key should cost the same: the check is constant-time by design.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class ApiKeyCheckBenchmarks
{
    private readonly TenantAuthenticator _authenticator = new(new FixedTenantStore(TenantLookup.Found(SampleTenants.MetaTenant())));

    [Benchmark(Baseline = true)]
    public async ValueTask<object> RightKey() => await _authenticator.AuthenticateAsync(SampleTenants.MetaTenantId, SampleTenants.ApiKey);

    [Benchmark]
    public async ValueTask<object> WrongKey() => await _authenticator.AuthenticateAsync(SampleTenants.MetaTenantId, SampleTenants.WrongApiKey);
}
