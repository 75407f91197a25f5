using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.Core.Tests.Tenants;

/// <summary>Tenant documents for tests. Every secret contains <see cref="SecretMarker"/>, so a leak is one search away.</summary>
internal static class TenantTestData
{
    public const string SecretMarker = "S3CR3T";

    public const string ApiKey = "test-api-key-0123456789";

    public static readonly string ApiKeySha256 = ApiKeyHash.Compute(ApiKey);

    public static string Meta(string? apiKeySha256 = null, string accessToken = "meta-token-" + SecretMarker) =>
        $$$"""{"provider":"meta","apiKeySha256":"{{{apiKeySha256 ?? ApiKeySha256}}}","phone":"106540352242922","credentials":{"accessToken":"{{{accessToken}}}","graphVersion":"v23.0"}}""";

    public static string Aws() =>
        $$$"""{"provider":"aws","apiKeySha256":"{{{ApiKeySha256}}}","phone":"phone-number-id-01234567890123456789012345678901","credentials":{"accessKeyId":"AKIDEXAMPLE","secretAccessKey":"aws-{{{SecretMarker}}}","sessionToken":"session-{{{SecretMarker}}}","region":"us-east-1"}}""";

    public static string NxCloud() =>
        $$$"""{"provider":"nxcloud","apiKeySha256":"{{{ApiKeySha256}}}","phone":"8613800000000","credentials":{"accessKey":"nx-access","accessSecret":"nx-{{{SecretMarker}}}"}}""";

    public static string SmsGatewayCenterWithApiKey() =>
        $$$"""{"provider":"smsgatewaycenter","apiKeySha256":"{{{ApiKeySha256}}}","credentials":{"apiKey":"sgc-{{{SecretMarker}}}"}}""";

    public static string SmsGatewayCenterWithPassword() =>
        $$$"""{"provider":"smsgatewaycenter","apiKeySha256":"{{{ApiKeySha256}}}","credentials":{"userId":"sgc-user","password":"pw-{{{SecretMarker}}}"}}""";
}
