using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>
/// A local host with tenants as integrators write them: one per provider without a default phone, one per
/// provider whose document lacks a required credential, and provider retries that fit in a test (three attempts a
/// few milliseconds apart, throttled queue messages deferred by a tenth of a second).
/// </summary>
public sealed class IntegratorTenantsFixture : LocalHostFixture
{
    public const string ApiKeySha256 = "ca6f2e39b2ff141859b18bb5283aadd5093c8ede2869f3656231a054e54bfc22";
    public const int MaxAttempts = 3;

    /// <summary>
    /// The host setting of a Meta tenant of a test's own, with the demo key and the sandbox's token: a tenant whose
    /// schedule and receipts no other test on the same Azurite writes to.
    /// </summary>
    public static string OwnMetaTenant(string tenantId) =>
        $$$"""--Tenants:{{{tenantId}}}={"provider":"meta","apiKeySha256":"{{{ApiKeySha256}}}","credentials":{"accessToken":"{{{SandboxAccounts.Meta.AccessToken}}}"}}""";

    /// <summary>The tenant without <c>phone</c> for each provider, in the words where it gives them.</summary>
    public static readonly IReadOnlyDictionary<string, string> PhonelessTenants = new Dictionary<string, string>
    {
        ["acme-meta"] = $$$"""{"provider":"meta","apiKeySha256":"{{{ApiKeySha256}}}","credentials":{"accessToken":"{{{SandboxAccounts.Meta.AccessToken}}}"}}""",
        ["acme-aws"] = $$$"""{"provider":"aws","apiKeySha256":"{{{ApiKeySha256}}}","credentials":{"accessKeyId":"{{{SandboxAccounts.Aws.AccessKeyId}}}","secretAccessKey":"{{{SandboxAccounts.Aws.SecretAccessKey}}}","region":"ap-south-1"}}""",
        ["acme-nxcloud"] = $$$"""{"provider":"nxcloud","apiKeySha256":"{{{ApiKeySha256}}}","credentials":{"accessKey":"{{{SandboxAccounts.NxCloud.AccessKey}}}","accessSecret":"{{{SandboxAccounts.NxCloud.AccessSecret}}}"}}""",
        ["acme-sgc"] = $$$"""{"provider":"smsgatewaycenter","apiKeySha256":"{{{ApiKeySha256}}}","credentials":{"apiKey":"{{{SandboxAccounts.SmsGatewayCenter.ApiKey}}}"}}""",
    };

    /// <summary>The Meta tenant: a default phone, which Meta must never get.</summary>
    public const string MetaTenantWithPhone = "acme-meta-phone";

    /// <summary>A document per provider that is present but unusable: a required credential is missing.</summary>
    public static readonly IReadOnlyDictionary<string, string> BrokenTenants = new Dictionary<string, string>
    {
        ["broken-meta"] = $$$"""{"provider":"meta","apiKeySha256":"{{{ApiKeySha256}}}","credentials":{"graphVersion":"v23.0"}}""",

        // The example: an AWS document without its secret access key.
        ["broken-aws"] = $$$"""{"provider":"aws","apiKeySha256":"{{{ApiKeySha256}}}","credentials":{"accessKeyId":"AKIAEXAMPLE000000001","region":"ap-south-1"}}""",
        ["broken-nxcloud"] = $$$"""{"provider":"nxcloud","apiKeySha256":"{{{ApiKeySha256}}}","credentials":{"accessKey":"nx-access-key-visible"}}""",
        ["broken-sgc"] = $$$"""{"provider":"smsgatewaycenter","apiKeySha256":"{{{ApiKeySha256}}}","credentials":{"userId":"sgc-user-visible"}}""",
    };

    protected override IEnumerable<string> HostOverrides =>
    [
        $"--Providers:Retry:MaxAttempts={MaxAttempts}",
        "--Providers:Retry:BaseDelay=00:00:00.010",
        "--Providers:Retry:MaxDelay=00:00:00.020",
        "--MediaDeletion:DefaultThrottleDelay=00:00:00.100",
        .. PhonelessTenants.Concat(BrokenTenants).Select(tenant => $"--Tenants:{tenant.Key}={tenant.Value}"),
        $$$"""--Tenants:{{{MetaTenantWithPhone}}}={"provider":"meta","apiKeySha256":"{{{ApiKeySha256}}}","phone":"{{{SandboxAccounts.Meta.PhoneNumberId}}}","credentials":{"accessToken":"{{{SandboxAccounts.Meta.AccessToken}}}"}}""",
    ];
}
