using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>
/// A local host with paced tenants (<c>requestsPerSecond</c> in their documents) and no wait for an immediate call's
/// slot, so "over budget" shows as 429 <c>rate_limited</c> at once rather than after a wait.
/// </summary>
public sealed class PacedTenantsFixture : LocalHostFixture
{
    /// <summary>One request every 20 s: the second call of a test is always over budget.</summary>
    public const string SlowMeta = "slow-meta";

    /// <summary>50 requests per second, for a provider refusal that pauses the tenant.</summary>
    public const string PausedMeta = "paused-meta";

    /// <summary>20 requests per second, for a bulk job through the queue.</summary>
    public const string PacedNxCloud = "paced-nxcloud";

    private const string Key = IntegratorTenantsFixture.ApiKeySha256;

    protected override IEnumerable<string> HostOverrides =>
    [
        "--Pacing:MaxImmediateWait=00:00:00",
        $$$"""--Tenants:{{{SlowMeta}}}={"provider":"meta","apiKeySha256":"{{{Key}}}","requestsPerSecond":0.05,"credentials":{"accessToken":"{{{SandboxAccounts.Meta.AccessToken}}}"}}""",
        $$$"""--Tenants:{{{PausedMeta}}}={"provider":"meta","apiKeySha256":"{{{Key}}}","requestsPerSecond":50,"credentials":{"accessToken":"{{{SandboxAccounts.Meta.AccessToken}}}"}}""",
        $$$"""--Tenants:{{{PacedNxCloud}}}={"provider":"nxcloud","apiKeySha256":"{{{Key}}}","phone":"{{{SandboxAccounts.NxCloud.BusinessPhone}}}","requestsPerSecond":20,"credentials":{"accessKey":"{{{SandboxAccounts.NxCloud.AccessKey}}}","accessSecret":"{{{SandboxAccounts.NxCloud.AccessSecret}}}"}}""",
    ];
}
