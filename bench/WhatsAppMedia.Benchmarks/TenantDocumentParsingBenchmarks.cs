using BenchmarkDotNet.Attributes;
using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.Benchmarks;

/// <summary>
/// Parsing and validating a tenant document, which happens on every cache miss (Key Vault) and whenever a
/// configuration value changes.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class TenantDocumentParsingBenchmarks
{
    // Instance fields rather than constants, so the JIT cannot fold anything the real caller would compute.
    private readonly string _metaDocument = SampleTenants.MetaDocument;
    private readonly string _awsDocument = SampleTenants.AwsDocument;

    [Benchmark(Baseline = true)]
    public TenantDocumentResult ParseMetaDocument() => TenantDocument.Parse(SampleTenants.MetaTenantId, _metaDocument);

    /// <summary>The AWS document has the most fields and checks its region against a pattern.</summary>
    [Benchmark]
    public TenantDocumentResult ParseAwsDocument() => TenantDocument.Parse(SampleTenants.AwsTenantId, _awsDocument);
}
