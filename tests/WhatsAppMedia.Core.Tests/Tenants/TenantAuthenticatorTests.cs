using Microsoft.Extensions.Configuration;
using WhatsAppMedia.Core.Tenants;
using WhatsAppMedia.Testing.KeyVault;
using static WhatsAppMedia.Core.Tests.Tenants.TenantTestData;

namespace WhatsAppMedia.Core.Tests.Tenants;

public class TenantAuthenticatorTests
{
    private static readonly string MissingRegion =
        $$$"""{"provider":"aws","apiKeySha256":"{{{ApiKeySha256}}}","phone":"phone-number-id-1","credentials":{"accessKeyId":"AKID","secretAccessKey":"s"}}""";

    private readonly TenantAuthenticator _authenticator = new(new ConfigurationTenantStore(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tenants:acme"] = Meta(),
            ["Tenants:broken"] = MissingRegion,
            ["Tenants:badhash"] = """{"provider":"meta","apiKeySha256":"not-a-hash","credentials":{"accessToken":"t"}}""",
        }).Build(),
        new RecordingLogger<ConfigurationTenantStore>()));

    [Fact]
    public async Task The_right_key_authenticates_the_tenant()
    {
        var result = await _authenticator.AuthenticateAsync("acme", ApiKey);

        result.Status.ShouldBe(TenantAuthenticationStatus.Authenticated);
        result.Tenant!.Id.ShouldBe("acme");
        result.ErrorCode.ShouldBeNull();
    }

    [Theory]
    [InlineData("acme", null)]
    [InlineData("acme", "")]
    [InlineData("acme", "wrong-key")]
    [InlineData("acme", ApiKey + " ")]
    [InlineData("nobody", ApiKey)]
    [InlineData("nobody", null)]
    [InlineData("badhash", "anything")]
    [InlineData("broken", "wrong-key")]
    public async Task Missing_key_wrong_key_and_unknown_tenant_are_the_same_unauthorized(string tenantId, string? apiKey)
    {
        var result = await _authenticator.AuthenticateAsync(tenantId, apiKey);

        result.ShouldBeSameAs(TenantAuthentication.Unauthorized);
        result.ErrorCode.ShouldBe("unauthorized");
    }

    [Fact]
    public async Task An_over_long_key_is_wrong_without_being_hashed_whole()
    {
        var result = await _authenticator.AuthenticateAsync("acme", new string('k', TenantAuthenticator.MaxApiKeyLength + 1));

        result.ShouldBeSameAs(TenantAuthentication.Unauthorized);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("../acme")]
    [InlineData("ACME")]
    public async Task An_invalid_tenant_id_is_reported_as_such(string? tenantId)
    {
        var result = await _authenticator.AuthenticateAsync(tenantId, ApiKey);

        result.Status.ShouldBe(TenantAuthenticationStatus.InvalidTenantId);
        result.ErrorCode.ShouldBe("invalid_tenant_id");
    }

    [Fact]
    public async Task A_caller_with_the_right_key_learns_that_the_tenant_is_misconfigured()
    {
        var result = await _authenticator.AuthenticateAsync("broken", ApiKey);

        result.Status.ShouldBe(TenantAuthenticationStatus.Misconfigured);
        result.Error!.Field.ShouldBe("credentials.region");
        result.ErrorCode.ShouldBe("tenant_misconfigured");
    }

    /// <summary>Only an unusable document is tenant_misconfigured; a vault that is down or throttling stays a retryable 503.</summary>
    [Theory]
    [InlineData("outage")]
    [InlineData("throttle")]
    [InlineData("server error")]
    public async Task An_unreachable_store_with_nothing_cached_is_credentials_unavailable(string failure)
    {
        await using var vault = await KeyVaultStandIn.StartAsync();
        vault.SetSecret("tenant-acme", Meta());
        vault.FailAlways(failure switch
        {
            "outage" => KeyVaultFault.Outage,
            "throttle" => KeyVaultFault.Throttle(TimeSpan.FromSeconds(30)),
            _ => KeyVaultFault.ServerError,
        });
        using var store = new CachingTenantStore(
            new KeyVaultTenantSource(vault.CreateSecretClient()),
            new KeyVaultOptions { VaultUri = vault.VaultUri },
            TimeProvider.System,
            new RecordingLogger<CachingTenantStore>());

        var result = await new TenantAuthenticator(store).AuthenticateAsync("acme", ApiKey);

        result.Status.ShouldBe(TenantAuthenticationStatus.Unavailable);
        result.ErrorCode.ShouldBe("credentials_unavailable");
    }
}
