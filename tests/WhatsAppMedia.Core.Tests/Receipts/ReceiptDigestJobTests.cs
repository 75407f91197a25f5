using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Core.Receipts;
using WhatsAppMedia.Core.Tests.Support;

namespace WhatsAppMedia.Core.Tests.Receipts;

/// <summary>
/// The digest job on a real Azurite table (docs/receipts.md, "Signed digests"): each moved head signed once, however many
/// instances run it; the export carries the digests after their receipts and verifies with the public key.
/// </summary>
public sealed class ReceiptDigestJobTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>, IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private readonly TableReceiptStore _store = new(fixture.Tables());
    private readonly ReceiptSigningKey _key = ReceiptSigningKey.Create();
    private readonly FakeTimeProvider _clock = new(Now);

    public void Dispose() => _key.Dispose();

    [Fact]
    public async Task A_moved_head_is_signed_once_and_the_export_carries_the_digest_after_its_receipt()
    {
        var tenant = NewTenant();
        await AppendAsync(tenant, "a");
        await AppendAsync(tenant, "b");

        await Job().RunAsync();
        await Job().RunAsync();
        await AppendAsync(tenant, "c");
        _clock.Advance(ReceiptDigestJob.Period);
        await Job().RunAsync();

        (await DigestsAsync(tenant)).ShouldBe([2, 3], "the unmoved head was not signed twice");
        var page = await ReceiptExportPage.ReadAsync(_store, tenant, new ReceiptExportQuery(null, null, null, 1000, 0), CancellationToken.None);
        var lines = page.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Select(line => line[..9]).ShouldBe(["{\"hash\":\"", "{\"hash\":\"", "{\"digest\"", "{\"hash\":\"", "{\"digest\""]);
        ReceiptVerifier.Verify(lines, signingKey: _key.PublicKey).ShouldBe(new ReceiptVerification(3, null, null, 2, 3, true));
        lines[2].ShouldContain($"\"tenantId\":\"{tenant}\",\"seq\":2");
    }

    [Fact]
    public async Task Three_instances_signing_at_once_add_one_digest_per_head()
    {
        var tenants = Enumerable.Range(0, 4).Select(_ => NewTenant()).ToList();
        foreach (var tenant in tenants)
        {
            await AppendAsync(tenant, "a");
        }

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Job(new TableReceiptStore(fixture.Tables())).RunAsync()));

        foreach (var tenant in tenants)
        {
            (await DigestsAsync(tenant)).ShouldBe([1]);
        }
    }

    [Fact]
    public async Task Without_a_key_nothing_is_signed()
    {
        var tenant = NewTenant();
        await AppendAsync(tenant, "a");

        var signed = await new ReceiptDigestJob(_store, new NoReceiptSigningKeySource(), _clock, NullLogger<ReceiptDigestJob>.Instance).RunAsync();

        signed.ShouldBe(0);
        (await DigestsAsync(tenant)).ShouldBeEmpty();
    }

    private ReceiptDigestJob Job(TableReceiptStore? store = null) => new(store ?? _store, new FixedKey(_key), _clock, NullLogger<ReceiptDigestJob>.Instance);

    private Task<long> AppendAsync(string tenant, string key) =>
        _store.AppendAsync(new ReceiptRequest(key, tenant, "meta", "1013859600285441", null, "queue", "req-1", null, null, null, null, Now, "deleted", null, 1, new ReceiptEvidence(200, null)), CancellationToken.None);

    private async Task<List<long>> DigestsAsync(string tenant)
    {
        var sequences = new List<long>();
        await foreach (var digest in _store.ListDigestsAsync(tenant, 1, 999_999_999_999, CancellationToken.None))
        {
            sequences.Add(digest.Sequence);
        }

        return sequences;
    }

    private static string NewTenant() => $"d{Guid.NewGuid():N}"[..20];

    private sealed class FixedKey(ReceiptSigningKey key) : IReceiptSigningKeySource
    {
        public string Description => "test key";

        public Task<ReceiptSigningKey?> GetAsync(CancellationToken cancellationToken) => Task.FromResult<ReceiptSigningKey?>(key);
    }
}
