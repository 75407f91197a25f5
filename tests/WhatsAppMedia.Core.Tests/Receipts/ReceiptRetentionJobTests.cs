using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Core.Receipts;
using WhatsAppMedia.Core.Tests.Support;

namespace WhatsAppMedia.Core.Tests.Receipts;

/// <summary>
/// Receipt retention on a real Azurite table (docs/receipts.md, "Retention"): the oldest receipts go, in chain order,
/// with their keys and digests; what is left is one chain that still verifies; the head stays.
/// </summary>
public sealed class ReceiptRetentionJobTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private readonly TableReceiptStore _store = new(fixture.Tables());

    [Fact]
    public async Task Receipts_older_than_the_retention_go_oldest_first_and_the_rest_still_verifies()
    {
        var tenant = NewTenant();
        var retention = TimeSpan.FromDays(400);
        // Completed 402, 401, 399 and 401 days before now: the fourth is old too, but follows a young one.
        int[] ages = [402, 401, 399, 401];
        for (var i = 0; i < ages.Length; i++)
        {
            await AppendAsync(tenant, $"key-{i}", Now - TimeSpan.FromDays(ages[i]));
        }

        using var key = ReceiptSigningKey.Create();
        var digestJson = ReceiptChain.Serialize(new ReceiptDigest(tenant, 2, "h", Now, ReceiptDigest.Es256, key.KeyId));
        await _store.TryAddDigestAsync(tenant, 2, digestJson, key.Sign(digestJson), CancellationToken.None);

        var job = new ReceiptRetentionJob(_store, Options.Create(new ReceiptOptions { Retention = retention }), new FakeTimeProvider(Now), NullLogger<ReceiptRetentionJob>.Instance);
        (await job.RunAsync()).ShouldBeGreaterThanOrEqualTo(2);

        var left = await LinesAsync(tenant);
        left.Count.ShouldBe(2, "receipts 3 and 4 stay: 3 is younger, and 4 follows it");
        left[0].ShouldContain("\"seq\":3");
        ReceiptVerifier.Verify(left).IsValid.ShouldBeTrue("the chain left starts at receipt 3, whose predecessor was removed");
        var digests = new List<StoredDigest>();
        await foreach (var digest in _store.ListDigestsAsync(tenant, 1, 999_999_999_999, CancellationToken.None))
        {
            digests.Add(digest);
        }

        digests.ShouldBeEmpty("the digest of a removed receipt goes with it");
        (await AppendAsync(tenant, "key-0", Now)).ShouldBe(5, "the removed receipt's key went with it; the head stayed");
        (await job.RunAsync()).ShouldBe(0);
    }

    private Task<long> AppendAsync(string tenant, string key, DateTimeOffset completedAt) =>
        _store.AppendAsync(new ReceiptRequest(key, tenant, "meta", "1013859600285441", null, "queue", "req-1", null, null, null, null, completedAt, "deleted", null, 1, new ReceiptEvidence(200, null)), CancellationToken.None);

    private async Task<List<string>> LinesAsync(string tenant)
    {
        var lines = new List<string>();
        await foreach (var receipt in _store.ListAsync(tenant, 0, 1000, null, null, null, CancellationToken.None))
        {
            lines.Add(receipt.Line);
        }

        return lines;
    }

    private static string NewTenant() => $"t{Guid.NewGuid():N}"[..20];
}
