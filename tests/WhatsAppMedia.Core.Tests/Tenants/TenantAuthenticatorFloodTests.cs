using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Core.Tenants;
using WhatsAppMedia.Testing.KeyVault;
using static WhatsAppMedia.Core.Tests.Tenants.TenantTestData;

namespace WhatsAppMedia.Core.Tests.Tenants;

/// <summary>
/// Authentication while a flood of made-up tenant ids has spent the Key Vault read budget: a failure for a cached tenant
/// must not be told apart from a failure for an uncached id, or the answer would list the active tenants.
/// </summary>
public sealed class TenantAuthenticatorFloodTests : IClassFixture<KeyVaultFixture>, IDisposable
{
    private readonly KeyVaultStandIn _vault;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly KeyVaultOptions _options;
    private readonly CachingTenantStore _store;
    private readonly TenantAuthenticator _authenticator;

    public TenantAuthenticatorFloodTests(KeyVaultFixture fixture)
    {
        _vault = fixture.Vault;
        _vault.ClearFaults();
        _vault.ResumeReads();
        _options = new KeyVaultOptions { VaultUri = _vault.VaultUri, ColdReadBurst = 3, ColdReadsPerSecond = 1 };
        _store = new CachingTenantStore(new KeyVaultTenantSource(_vault.CreateSecretClient()), _options, _time, new RecordingLogger<CachingTenantStore>());
        _authenticator = new TenantAuthenticator(_store);
    }

    public void Dispose() => _store.Dispose();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong-key")]
    [InlineData(ApiKey + " ")]
    public async Task During_a_flood_a_bad_key_for_a_cached_tenant_fails_exactly_like_an_uncached_id(string? apiKey)
    {
        var cached = await CachedTenantAsync();
        var uncachedReal = Store(NewId(), Meta());
        await SpendTheReadBudgetAsync();

        var forCached = await _authenticator.AuthenticateAsync(cached, apiKey);
        var forUnknown = await _authenticator.AuthenticateAsync(NewId(), apiKey);
        var forUncachedReal = await _authenticator.AuthenticateAsync(uncachedReal, apiKey);

        forUnknown.Status.ShouldBe(TenantAuthenticationStatus.Unavailable);
        forUnknown.ErrorCode.ShouldBe("credentials_unavailable");
        foreach (var answer in new[] { forCached, forUncachedReal })
        {
            answer.Status.ShouldBe(forUnknown.Status);
            answer.ErrorCode.ShouldBe(forUnknown.ErrorCode);
            answer.Detail.ShouldBe(forUnknown.Detail);
            answer.ToString().ShouldBe(forUnknown.ToString());
        }
    }

    [Fact]
    public async Task During_a_flood_an_unknown_id_remembered_as_not_found_fails_like_any_other_uncached_id()
    {
        var rememberedUnknown = NewId();
        (await _authenticator.AuthenticateAsync(rememberedUnknown, ApiKey)).ShouldBeSameAs(TenantAuthentication.Unauthorized);
        await SpendTheReadBudgetAsync();

        var forRemembered = await _authenticator.AuthenticateAsync(rememberedUnknown, ApiKey);
        var forFresh = await _authenticator.AuthenticateAsync(NewId(), ApiKey);

        forRemembered.Status.ShouldBe(TenantAuthenticationStatus.Unavailable);
        forRemembered.Detail.ShouldBe(forFresh.Detail);
    }

    [Fact]
    public async Task During_a_flood_the_right_key_for_a_cached_tenant_is_still_authenticated_without_a_read()
    {
        var cached = await CachedTenantAsync();
        await SpendTheReadBudgetAsync();
        var readsBefore = _vault.ReadCount(TenantIds.SecretName(cached));

        var result = await _authenticator.AuthenticateAsync(cached, ApiKey);

        result.IsAuthenticated.ShouldBeTrue();
        result.Tenant!.Id.ShouldBe(cached);
        _vault.ReadCount(TenantIds.SecretName(cached)).ShouldBe(readsBefore);
    }

    [Fact]
    public async Task Checking_for_the_flood_takes_nothing_from_the_read_budget()
    {
        var cached = await CachedTenantAsync();
        var waiting = Store(NewId(), Meta());
        await SpendTheReadBudgetAsync();
        _time.Advance(TimeSpan.FromSeconds(1 / _options.ColdReadsPerSecond)); // exactly one token back

        for (var i = 0; i < 10; i++)
        {
            (await _authenticator.AuthenticateAsync(cached, "wrong-key")).ShouldBeSameAs(TenantAuthentication.Unauthorized);
        }

        (await _authenticator.AuthenticateAsync(waiting, ApiKey)).IsAuthenticated.ShouldBeTrue();
    }

    [Fact]
    public async Task The_lookup_that_spends_the_last_read_fails_like_the_refused_ones_after_it()
    {
        var cached = await CachedTenantAsync();
        (await _store.GetAsync(NewId())).Status.ShouldBe(TenantLookupStatus.NotFound); // one read left of three

        var spendsTheLastRead = await _authenticator.AuthenticateAsync(NewId(), "wrong-key");
        var refused = await _authenticator.AuthenticateAsync(NewId(), "wrong-key");
        var forCached = await _authenticator.AuthenticateAsync(cached, "wrong-key");

        spendsTheLastRead.Status.ShouldBe(TenantAuthenticationStatus.Unavailable);
        spendsTheLastRead.Detail.ShouldBe(refused.Detail);
        forCached.Detail.ShouldBe(refused.Detail);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Outside_a_flood_a_bad_key_is_the_same_unauthorized_for_cached_and_unknown_tenants(string? apiKey)
    {
        var cached = await CachedTenantAsync();

        (await _authenticator.AuthenticateAsync(cached, apiKey)).ShouldBeSameAs(TenantAuthentication.Unauthorized);
        (await _authenticator.AuthenticateAsync(NewId(), apiKey)).ShouldBeSameAs(TenantAuthentication.Unauthorized);
        _store.UncachedLookupRefusal().ShouldBeNull();
    }

    [Fact]
    public async Task Once_the_budget_refills_a_bad_key_for_a_cached_tenant_is_unauthorized_again()
    {
        var cached = await CachedTenantAsync();
        await SpendTheReadBudgetAsync();
        (await _authenticator.AuthenticateAsync(cached, "wrong-key")).Status.ShouldBe(TenantAuthenticationStatus.Unavailable);

        _time.Advance(TimeSpan.FromSeconds(1 / _options.ColdReadsPerSecond));

        (await _authenticator.AuthenticateAsync(cached, "wrong-key")).ShouldBeSameAs(TenantAuthentication.Unauthorized);
    }

    [Fact]
    public async Task While_the_vault_throttles_a_bad_key_for_a_cached_tenant_fails_like_an_uncached_id_until_Retry_After()
    {
        var cached = await CachedTenantAsync();
        _vault.FailNext(KeyVaultFault.Throttle(TimeSpan.FromSeconds(60)));
        (await _authenticator.AuthenticateAsync(NewId(), ApiKey)).Status.ShouldBe(TenantAuthenticationStatus.Unavailable);

        var forCached = await _authenticator.AuthenticateAsync(cached, "wrong-key");
        var forUnknown = await _authenticator.AuthenticateAsync(NewId(), "wrong-key");
        forCached.Status.ShouldBe(TenantAuthenticationStatus.Unavailable);
        forCached.Detail.ShouldBe(forUnknown.Detail);
        (await _authenticator.AuthenticateAsync(cached, ApiKey)).IsAuthenticated.ShouldBeTrue();

        _time.Advance(TimeSpan.FromSeconds(60));
        (await _authenticator.AuthenticateAsync(cached, "wrong-key")).ShouldBeSameAs(TenantAuthentication.Unauthorized);
    }

    private async Task<string> CachedTenantAsync()
    {
        var id = Store(NewId(), Meta());
        (await _authenticator.AuthenticateAsync(id, ApiKey)).IsAuthenticated.ShouldBeTrue();
        return id;
    }

    /// <summary>What a flood does: made-up ids until the store refuses them. Time stands still, so nothing refills.</summary>
    private async Task SpendTheReadBudgetAsync()
    {
        for (var i = 0; i <= _options.ColdReadBurst; i++)
        {
            if ((await _store.GetAsync(NewId())).Status == TenantLookupStatus.Unavailable)
            {
                _store.UncachedLookupRefusal().ShouldNotBeNull();
                return;
            }
        }

        throw new InvalidOperationException("The read budget was not spent by a burst of unknown ids.");
    }

    private string Store(string id, string document)
    {
        _vault.SetSecret(TenantIds.SecretName(id), document);
        return id;
    }

    private static string NewId() => "t" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
