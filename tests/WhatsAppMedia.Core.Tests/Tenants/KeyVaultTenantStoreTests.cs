using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Core.Tenants;
using WhatsAppMedia.Testing.KeyVault;
using static WhatsAppMedia.Core.Tests.Tenants.TenantTestData;

namespace WhatsAppMedia.Core.Tests.Tenants;

/// <summary>The Key Vault store with its cache, against the stand-in through the real <c>SecretClient</c>.</summary>
public sealed class KeyVaultTenantStoreTests : IClassFixture<KeyVaultFixture>, IDisposable
{
    private readonly KeyVaultStandIn _vault;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly RecordingLogger<CachingTenantStore> _log = new();
    private readonly KeyVaultOptions _options;
    private readonly CachingTenantStore _store;
    private readonly int _readsBeforeTest;

    public KeyVaultTenantStoreTests(KeyVaultFixture fixture)
    {
        _vault = fixture.Vault;
        _vault.ClearFaults();
        _vault.ResumeReads();
        _readsBeforeTest = _vault.TotalReads;
        _options = new KeyVaultOptions { VaultUri = _vault.VaultUri };
        _store = CreateStore(_options);
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task A_tenant_is_read_once_and_trusted_for_the_cache_TTL()
    {
        var id = Store(NewId(), Meta());

        (await _store.GetAsync(id)).Tenant!.Id.ShouldBe(id);
        _time.Advance(_options.CacheTtl - TimeSpan.FromSeconds(1));
        (await _store.GetAsync(id)).IsFound.ShouldBeTrue();

        ReadsOf(id).ShouldBe(1);
    }

    [Fact]
    public async Task After_the_TTL_the_next_lookup_reads_again_and_sees_a_rotated_document()
    {
        var id = Store(NewId(), Meta(accessToken: "old-token"));
        await _store.GetAsync(id);
        Store(id, Meta(accessToken: "new-token"));

        _time.Advance(_options.CacheTtl);
        var lookup = await _store.GetAsync(id);

        ((WhatsAppMedia.Core.Providers.Meta.MetaCredentials)lookup.Tenant!.Credentials).AccessToken.ShouldBe("new-token");
        ReadsOf(id).ShouldBe(2);
    }

    [Fact]
    public async Task Invalidate_makes_the_next_lookup_read_the_vault_again_and_return_the_rotated_document()
    {
        var id = Store(NewId(), Meta(accessToken: "old-token"));
        await _store.GetAsync(id);
        Store(id, Meta(accessToken: "rotated-token"));
        (await _store.GetAsync(id)).Tenant!.Credentials.ToString().ShouldNotContain("rotated");

        _store.Invalidate(id);
        var lookup = await _store.GetAsync(id);

        ((WhatsAppMedia.Core.Providers.Meta.MetaCredentials)lookup.Tenant!.Credentials).AccessToken.ShouldBe("rotated-token");
        ReadsOf(id).ShouldBe(2);
        await _store.GetAsync(id);
        ReadsOf(id).ShouldBe(2);
    }

    [Fact]
    public async Task An_unknown_tenant_is_not_found_and_remembered_briefly()
    {
        var id = NewId();

        (await _store.GetAsync(id)).Status.ShouldBe(TenantLookupStatus.NotFound);
        (await _store.GetAsync(id)).Status.ShouldBe(TenantLookupStatus.NotFound);
        ReadsOf(id).ShouldBe(1);

        Store(id, Meta());
        _time.Advance(_options.NegativeCacheTtl);
        (await _store.GetAsync(id)).IsFound.ShouldBeTrue();
        ReadsOf(id).ShouldBe(2);
    }

    [Fact]
    public async Task A_broken_document_is_invalid_naming_the_field_and_logged_without_values()
    {
        var id = Store(NewId(), $$$"""{"provider":"aws","apiKeySha256":"{{{ApiKeySha256}}}","phone":"phone-number-id-1","credentials":{"accessKeyId":"AKID","secretAccessKey":"{{{SecretMarker}}}"}}""");

        var lookup = await _store.GetAsync(id);

        lookup.Status.ShouldBe(TenantLookupStatus.Invalid);
        lookup.Error!.Field.ShouldBe("credentials.region");
        lookup.ApiKeySha256.ShouldBe(ApiKeySha256);
        (await _store.GetAsync(id)).Status.ShouldBe(TenantLookupStatus.Invalid);
        ReadsOf(id).ShouldBe(1);
        _log.Entries.ShouldContain(entry => entry.Level == LogLevel.Error && entry.Message.Contains("credentials.region"));
        _log.Entries.ShouldAllBe(entry => !entry.Message.Contains(SecretMarker));
    }

    [Fact]
    public async Task Invalid_tenant_ids_are_refused_before_any_read()
    {
        foreach (var id in new[] { "", "../tenant-acme", "ACME", "a/b", "a%2Fb", "a?b", "a#b", "a b", "acme\n", "äcme", new string('a', 64) })
        {
            await Should.ThrowAsync<ArgumentException>(async () => await _store.GetAsync(id));
            Should.Throw<ArgumentException>(() => _store.Invalidate(id));
        }

        ReadsInThisTest.ShouldBe(0);
    }

    [Theory]
    [InlineData(KeyVaultFaultKind.ServerError)]
    [InlineData(KeyVaultFaultKind.Outage)]
    public async Task A_failing_vault_with_nothing_cached_makes_the_tenant_unavailable_and_nothing_is_remembered(KeyVaultFaultKind kind)
    {
        var id = Store(NewId(), Meta());
        _vault.FailNext(new KeyVaultFault(kind));

        var lookup = await _store.GetAsync(id);

        lookup.Status.ShouldBe(TenantLookupStatus.Unavailable);
        lookup.Detail.ShouldNotBeNullOrWhiteSpace();
        (await _store.GetAsync(id)).IsFound.ShouldBeTrue();
        ReadsOf(id).ShouldBe(2);
        _log.Entries.ShouldContain(entry => entry.Level == LogLevel.Warning && entry.Message.Contains(id));
    }

    [Fact]
    public async Task A_throttle_pauses_reads_of_uncached_tenants_until_its_Retry_After()
    {
        var throttled = Store(NewId(), Meta());
        var other = Store(NewId(), Meta());
        _vault.FailNext(KeyVaultFault.Throttle(TimeSpan.FromSeconds(120)));

        (await _store.GetAsync(throttled)).Status.ShouldBe(TenantLookupStatus.Unavailable);
        (await _store.GetAsync(other)).Status.ShouldBe(TenantLookupStatus.Unavailable);
        _time.Advance(TimeSpan.FromSeconds(119));
        (await _store.GetAsync(other)).Status.ShouldBe(TenantLookupStatus.Unavailable);
        ReadsInThisTest.ShouldBe(1);

        _time.Advance(TimeSpan.FromSeconds(1));
        (await _store.GetAsync(other)).IsFound.ShouldBeTrue();
        (await _store.GetAsync(throttled)).IsFound.ShouldBeTrue();
    }

    [Fact]
    public async Task The_last_good_document_keeps_serving_while_the_vault_fails_bounded_by_max_staleness()
    {
        var id = Store(NewId(), Meta());
        await _store.GetAsync(id);
        _vault.FailAlways(KeyVaultFault.ServerError);

        _time.Advance(_options.CacheTtl);
        (await _store.GetAsync(id)).IsFound.ShouldBeTrue();
        ReadsOf(id).ShouldBe(2);
        _log.Entries.ShouldContain(entry => entry.Level == LogLevel.Warning && entry.Message.Contains("last good document"));

        // Within the back-off the stale document answers without asking the failing vault again.
        var duringBackoff = _store.GetAsync(id);
        duringBackoff.IsCompletedSuccessfully.ShouldBeTrue();
        (await duringBackoff).IsFound.ShouldBeTrue();
        ReadsOf(id).ShouldBe(2);

        _time.Advance(_options.FailureBackoff);
        (await _store.GetAsync(id)).IsFound.ShouldBeTrue();
        ReadsOf(id).ShouldBe(3);

        _time.Advance(_options.MaxStaleness);
        (await _store.GetAsync(id)).Status.ShouldBe(TenantLookupStatus.Unavailable);
        _log.Entries.ShouldContain(entry => entry.Level == LogLevel.Error && entry.Message.Contains("MaxStaleness"));

        _vault.ClearFaults();
        _time.Advance(_options.FailureBackoff);
        (await _store.GetAsync(id)).IsFound.ShouldBeTrue();
    }

    [Fact]
    public async Task A_throttled_refresh_serves_the_last_good_document_until_Retry_After()
    {
        var id = Store(NewId(), Meta());
        await _store.GetAsync(id);
        _time.Advance(_options.CacheTtl);
        _vault.FailNext(KeyVaultFault.Throttle(TimeSpan.FromSeconds(90)));

        (await _store.GetAsync(id)).IsFound.ShouldBeTrue();
        _time.Advance(TimeSpan.FromSeconds(89));
        (await _store.GetAsync(id)).IsFound.ShouldBeTrue();
        ReadsOf(id).ShouldBe(2);

        _time.Advance(TimeSpan.FromSeconds(1));
        (await _store.GetAsync(id)).IsFound.ShouldBeTrue();
        ReadsOf(id).ShouldBe(3);
    }

    [Fact]
    public async Task Invalidate_while_the_vault_fails_keeps_serving_the_last_good_document()
    {
        var id = Store(NewId(), Meta());
        await _store.GetAsync(id);
        _vault.FailAlways(KeyVaultFault.Outage);

        _store.Invalidate(id);

        (await _store.GetAsync(id)).IsFound.ShouldBeTrue();
        ReadsOf(id).ShouldBe(2);
    }

    [Fact]
    public async Task A_deleted_tenant_stops_at_the_next_read()
    {
        var id = Store(NewId(), Meta());
        await _store.GetAsync(id);
        _vault.DeleteSecret(TenantIds.SecretName(id));

        _time.Advance(_options.CacheTtl);

        (await _store.GetAsync(id)).Status.ShouldBe(TenantLookupStatus.NotFound);
    }

    [Fact]
    public async Task A_vault_that_does_not_answer_gives_up_after_the_read_timeout()
    {
        var id = Store(NewId(), Meta());
        _vault.FailAlways(KeyVaultFault.Hang);

        var lookup = _store.GetAsync(id).AsTask();
        lookup.IsCompleted.ShouldBeFalse();
        _time.Advance(_options.ReadTimeout);

        (await lookup).Status.ShouldBe(TenantLookupStatus.Unavailable);
        _log.Entries.ShouldContain(entry => entry.Message.Contains("did not answer in time"));
    }

    [Fact]
    public async Task One_thousand_concurrent_lookups_of_a_cold_tenant_cause_exactly_one_read()
    {
        var id = Store(NewId(), Meta());
        _vault.PauseReads();

        var lookups = new Task<TenantLookup>[1000];
        Parallel.For(0, lookups.Length, i => lookups[i] = _store.GetAsync(id).AsTask());
        lookups.ShouldAllBe(lookup => !lookup.IsCompleted);
        _vault.ResumeReads();
        var answers = await Task.WhenAll(lookups);

        answers.ShouldAllBe(answer => answer.IsFound);
        ReadsOf(id).ShouldBe(1);
    }

    [Fact]
    public async Task A_caller_that_gives_up_does_not_cancel_the_read_others_wait_for()
    {
        var id = Store(NewId(), Meta());
        _vault.PauseReads();
        using var impatient = new CancellationTokenSource();

        var first = _store.GetAsync(id, impatient.Token).AsTask();
        var second = _store.GetAsync(id).AsTask();
        await impatient.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => first);
        _vault.ResumeReads();

        (await second).IsFound.ShouldBeTrue();
        ReadsOf(id).ShouldBe(1);
    }

    [Fact]
    public async Task A_flood_of_random_unknown_ids_is_bounded_by_the_read_budget_while_a_cached_tenant_is_served_at_once()
    {
        var real = Store(NewId(), Meta());
        (await _store.GetAsync(real)).IsFound.ShouldBeTrue();
        _time.Advance(TimeSpan.FromSeconds(_options.ColdReadBurst / _options.ColdReadsPerSecond)); // refills the token the real tenant's read took
        var readsBefore = ReadsInThisTest;

        var flood = new Task<TenantLookup>[10_000];
        var realLookupsServedAtOnce = 0;
        Parallel.For(0, flood.Length, i =>
        {
            flood[i] = _store.GetAsync(NewId()).AsTask();
            var lookup = _store.GetAsync(real);
            if (lookup.IsCompletedSuccessfully && lookup.Result.IsFound)
            {
                Interlocked.Increment(ref realLookupsServedAtOnce);
            }
        });
        var answers = await Task.WhenAll(flood);

        var floodReads = ReadsInThisTest - readsBefore;
        floodReads.ShouldBe(_options.ColdReadBurst);
        realLookupsServedAtOnce.ShouldBe(flood.Length);
        answers.Count(answer => answer.Status == TenantLookupStatus.NotFound).ShouldBe(_options.ColdReadBurst);
        answers.Count(answer => answer.Status == TenantLookupStatus.Unavailable).ShouldBe(flood.Length - _options.ColdReadBurst);
        _log.Entries.ShouldContain(entry => entry.Level == LogLevel.Warning && entry.Message.Contains("Refused"));

        // The budget refills at its sustained rate, and only then do new unknown ids reach the vault again.
        _time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => _store.GetAsync(NewId()).AsTask()));
        (ReadsInThisTest - readsBefore - floodReads).ShouldBe((int)_options.ColdReadsPerSecond);
    }

    [Fact]
    public async Task A_cached_tenant_whose_TTL_ran_out_still_refreshes_when_the_flood_has_spent_the_budget()
    {
        var real = Store(NewId(), Meta());
        await _store.GetAsync(real);
        await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => _store.GetAsync(NewId()).AsTask()));
        (await _store.GetAsync(NewId())).Status.ShouldBe(TenantLookupStatus.Unavailable);

        _time.Advance(_options.CacheTtl);
        var lookup = await _store.GetAsync(real);

        lookup.IsFound.ShouldBeTrue();
        ReadsOf(real).ShouldBe(2);
    }

    [Fact]
    public async Task Reads_of_uncached_tenants_run_at_most_the_configured_number_at_once()
    {
        var ids = Enumerable.Range(0, 6).Select(_ => Store(NewId(), Meta())).ToArray();
        var options = new KeyVaultOptions { VaultUri = _vault.VaultUri, ColdReadConcurrency = 2 };
        using var store = CreateStore(options);
        _vault.PauseReads();

        var lookups = ids.Select(id => store.GetAsync(id).AsTask()).ToArray();
        await _vault.WhenTotalReadsReachAsync(_readsBeforeTest + 2).WaitAsync(TimeSpan.FromSeconds(30)); // a safety net, not a timing assertion
        var readsWhileHeld = ReadsInThisTest;
        _vault.ResumeReads();
        var answers = await Task.WhenAll(lookups);

        readsWhileHeld.ShouldBe(2);
        answers.ShouldAllBe(answer => answer.IsFound);
    }

    [Fact]
    public async Task With_the_production_client_options_a_throttle_reaches_the_cache_at_once_while_server_errors_are_retried()
    {
        var throttled = Store(NewId(), Meta());
        var failing = Store(NewId(), Meta());
        var options = new KeyVaultOptions { VaultUri = _vault.VaultUri, MaxRetries = 1 };
        using var store = new CachingTenantStore(
            new KeyVaultTenantSource(_vault.CreateSecretClient(KeyVaultClientFactory.CreateClientOptions(options))), options, _time, _log);

        _vault.FailNext(KeyVaultFault.Throttle(TimeSpan.FromSeconds(30)));
        (await store.GetAsync(throttled)).Status.ShouldBe(TenantLookupStatus.Unavailable);
        ReadsOf(throttled).ShouldBe(1);

        _time.Advance(TimeSpan.FromSeconds(30));
        _vault.FailNext(KeyVaultFault.ServerError);
        (await store.GetAsync(failing)).IsFound.ShouldBeTrue();
        ReadsOf(failing).ShouldBe(2);
    }

    private CachingTenantStore CreateStore(KeyVaultOptions options) =>
        new(new KeyVaultTenantSource(_vault.CreateSecretClient()), options, _time, _log);

    private string Store(string id, string document)
    {
        _vault.SetSecret(TenantIds.SecretName(id), document);
        return id;
    }

    /// <summary>Reads since this test began; the stand-in is shared by the whole class.</summary>
    private int ReadsInThisTest => _vault.TotalReads - _readsBeforeTest;

    private int ReadsOf(string id) => _vault.ReadCount(TenantIds.SecretName(id));

    private static string NewId() => "t" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
