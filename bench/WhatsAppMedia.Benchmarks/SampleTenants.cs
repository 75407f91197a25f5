using WhatsAppMedia.Core.Providers.Aws;
using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.Benchmarks;

/// <summary>Tenant documents shaped like the demo tenants of <c>local.settings.sample.json</c>, with made-up secrets.</summary>
internal static class SampleTenants
{
    public const string MetaTenantId = "bench-meta";
    public const string AwsTenantId = "bench-aws";
    public const string ApiKey = "bench-api-key-0123456789abcdefghijklmnopqrstu";
    public const string WrongApiKey = "bench-api-key-0123456789abcdefghijklmnopqrstv";

    public static readonly string ApiKeySha256 = ApiKeyHash.Compute(ApiKey);

    public static readonly string MetaDocument =
        $$$"""{"provider":"meta","apiKeySha256":"{{{ApiKeySha256}}}","phone":"106540352242922","credentials":{"accessToken":"EAABenchmarkMetaAccessToken0001"}}""";

    public static readonly string AwsDocument =
        $$$"""{"provider":"aws","apiKeySha256":"{{{ApiKeySha256}}}","phone":"phone-number-id-0123456789abcdef0123456789abcdef","credentials":{"accessKeyId":"AKIABENCHMARK0000001","secretAccessKey":"bench/Secret/Access/Key/0000000000000000","region":"us-east-1"}}""";

    public static readonly SigV4Credentials AwsSigningCredentials = new("AKIABENCHMARK0000001", "bench/Secret/Access/Key/0000000000000000");

    /// <summary>The parsed Meta tenant, as a store hands it out.</summary>
    public static Tenant MetaTenant() => TenantDocument.Parse(MetaTenantId, MetaDocument).Tenant
        ?? throw new InvalidOperationException("The sample Meta document no longer parses.");
}
