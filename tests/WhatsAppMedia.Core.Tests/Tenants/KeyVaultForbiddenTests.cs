using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Core.Tenants;
using WhatsAppMedia.Testing.KeyVault;
using static WhatsAppMedia.Core.Tests.Tenants.TenantTestData;

namespace WhatsAppMedia.Core.Tests.Tenants;

/// <summary>
/// Key Vault's 403s through the real <c>SecretClient</c> (README.md, "Try it"): a disabled secret is an unknown tenant,
/// a refused identity is <c>tenant_misconfigured</c>; neither is the retryable <c>credentials_unavailable</c>.
/// </summary>
public sealed class KeyVaultForbiddenTests : IClassFixture<KeyVaultFixture>, IDisposable
{
    private readonly KeyVaultStandIn _vault;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly RecordingLogger<CachingTenantStore> _log = new();
    private readonly KeyVaultOptions _options;
    private readonly CachingTenantStore _store;

    public KeyVaultForbiddenTests(KeyVaultFixture fixture)
    {
        _vault = fixture.Vault;
        _vault.ClearFaults();
        _options = new KeyVaultOptions { VaultUri = _vault.VaultUri };
        _store = new CachingTenantStore(new KeyVaultTenantSource(_vault.CreateSecretClient()), _options, _time, _log);
    }

    public static TheoryData<KeyVaultFaultKind> Refusals => [KeyVaultFaultKind.Refuse, KeyVaultFaultKind.RefuseByRbac];

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task A_disabled_secret_is_disabled_and_remembered_like_a_missing_one()
    {
        var id = Store(NewId(), Meta());
        _vault.SetEnabled(TenantIds.SecretName(id), enabled: false);

        (await _store.GetAsync(id)).Status.ShouldBe(TenantLookupStatus.Disabled);
        (await _store.GetAsync(id)).Status.ShouldBe(TenantLookupStatus.Disabled);
        ReadsOf(id).ShouldBe(1);
        _log.Entries.ShouldContain(entry => entry.Level == LogLevel.Warning && entry.Message.Contains(id) && entry.Message.Contains("disabled"));

        _vault.SetEnabled(TenantIds.SecretName(id), enabled: true);
        _time.Advance(_options.NegativeCacheTtl);
        (await _store.GetAsync(id)).IsFound.ShouldBeTrue();
        ReadsOf(id).ShouldBe(2);
    }

    [Fact]
    public async Task A_secret_disabled_while_cached_stops_the_tenant_at_the_next_read_instead_of_serving_stale()
    {
        var id = Store(NewId(), Meta());
        (await _store.GetAsync(id)).IsFound.ShouldBeTrue();
        _vault.SetEnabled(TenantIds.SecretName(id), enabled: false);

        _time.Advance(_options.CacheTtl);

        (await _store.GetAsync(id)).Status.ShouldBe(TenantLookupStatus.Disabled);
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_identity_is_refused_logged_as_an_error_naming_vault_and_secret_and_remembered_only_briefly(KeyVaultFaultKind kind)
    {
        var id = Store(NewId(), Meta());
        _vault.FailAlways(new KeyVaultFault(kind));

        var lookup = await _store.GetAsync(id);

        lookup.Status.ShouldBe(TenantLookupStatus.Refused);
        lookup.Detail.ShouldNotBeNull().ShouldNotContain(_vault.VaultUri.Authority);
        lookup.Detail.ShouldNotContain(TenantIds.SecretName(id));
        var logged = _log.Entries.ShouldHaveSingleItem();
        logged.Level.ShouldBe(LogLevel.Error);
        logged.Message.ShouldContain(_vault.VaultUri.AbsoluteUri);
        logged.Message.ShouldContain($"'{TenantIds.SecretName(id)}'");
        logged.Message.ShouldContain(kind == KeyVaultFaultKind.Refuse ? "AccessDenied" : "ForbiddenByRbac");
        logged.Message.ShouldNotContain(SecretMarker);

        // Not for the cache TTL: once access is granted, the tenant is back within the negative TTL.
        (await _store.GetAsync(id)).Status.ShouldBe(TenantLookupStatus.Refused);
        ReadsOf(id).ShouldBe(1);
        _vault.ClearFaults();
        _time.Advance(_options.NegativeCacheTtl);
        (await _store.GetAsync(id)).IsFound.ShouldBeTrue();
        ReadsOf(id).ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refusal_says_nothing_about_the_tenant_so_its_cached_document_keeps_serving_up_to_max_staleness(KeyVaultFaultKind kind)
    {
        var id = Store(NewId(), Meta());
        await _store.GetAsync(id);
        _vault.FailAlways(new KeyVaultFault(kind));

        _time.Advance(_options.CacheTtl);
        (await _store.GetAsync(id)).IsFound.ShouldBeTrue();
        _log.Entries.ShouldContain(entry => entry.Level == LogLevel.Error && entry.Message.Contains(TenantIds.SecretName(id)));

        _time.Advance(_options.MaxStaleness);
        (await _store.GetAsync(id)).Status.ShouldBe(TenantLookupStatus.Refused);
    }

    [Fact]
    public async Task A_disabled_tenant_with_its_right_key_is_the_same_401_as_an_unknown_tenant()
    {
        var disabled = Store(NewId(), Meta());
        _vault.SetEnabled(TenantIds.SecretName(disabled), enabled: false);
        var authenticator = new TenantAuthenticator(_store);

        var result = await authenticator.AuthenticateAsync(disabled, ApiKey);

        result.ShouldBeSameAs(TenantAuthentication.Unauthorized);
        (await authenticator.AuthenticateAsync(NewId(), ApiKey)).ShouldBeSameAs(TenantAuthentication.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_identity_is_tenant_misconfigured_for_any_key_and_any_id(KeyVaultFaultKind kind)
    {
        var known = Store(NewId(), Meta());
        _vault.FailAlways(new KeyVaultFault(kind));
        var authenticator = new TenantAuthenticator(_store);

        var withKey = await authenticator.AuthenticateAsync(known, ApiKey);
        var unknown = await authenticator.AuthenticateAsync(NewId(), "wrong-key");

        withKey.Status.ShouldBe(TenantAuthenticationStatus.StoreRefused);
        withKey.ErrorCode.ShouldBe("tenant_misconfigured");
        unknown.Status.ShouldBe(TenantAuthenticationStatus.StoreRefused);
        unknown.Detail.ShouldBe(withKey.Detail);
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task While_the_vault_refuses_a_wrong_key_for_a_cached_tenant_fails_as_an_uncached_id_does(KeyVaultFaultKind kind)
    {
        var cached = Store(NewId(), Meta());
        var authenticator = new TenantAuthenticator(_store);
        (await authenticator.AuthenticateAsync(cached, ApiKey)).IsAuthenticated.ShouldBeTrue();
        (await authenticator.AuthenticateAsync(cached, "wrong-key")).ShouldBeSameAs(TenantAuthentication.Unauthorized);
        _vault.FailAlways(new KeyVaultFault(kind));

        var uncached = await authenticator.AuthenticateAsync(NewId(), "wrong-key");
        var wrongKey = await authenticator.AuthenticateAsync(cached, "wrong-key");

        uncached.Status.ShouldBe(TenantAuthenticationStatus.StoreRefused);
        wrongKey.Status.ShouldBe(TenantAuthenticationStatus.StoreRefused);
        wrongKey.Detail.ShouldBe(uncached.Detail);
        (await authenticator.AuthenticateAsync(cached, ApiKey)).IsAuthenticated.ShouldBeTrue();

        _time.Advance(_options.NegativeCacheTtl);
        (await authenticator.AuthenticateAsync(cached, "wrong-key")).ShouldBeSameAs(TenantAuthentication.Unauthorized);
    }

    private string Store(string id, string document)
    {
        _vault.SetSecret(TenantIds.SecretName(id), document);
        return id;
    }

    private int ReadsOf(string id) => _vault.ReadCount(TenantIds.SecretName(id));

    private static string NewId() => "t" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
