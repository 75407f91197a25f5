using WhatsAppMedia.Core.Receipts;
using WhatsAppMedia.Core.Tests.Support;

namespace WhatsAppMedia.Core.Tests.Receipts;

/// <summary>The receipt chain on a real Azurite table: append, one receipt per key, concurrent appenders, paging (docs/receipts.md).</summary>
public sealed class TableReceiptStoreTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private readonly TableReceiptStore _store = new(fixture.Tables());

    [Fact]
    public async Task Receipts_form_one_chain_that_verifies_and_a_key_written_twice_leaves_one()
    {
        var tenant = NewTenant();
        (await _store.AppendAsync(Request(tenant, "a", "deleted"), CancellationToken.None)).ShouldBe(1);
        (await _store.AppendAsync(Request(tenant, "b", "notFound"), CancellationToken.None)).ShouldBe(2);
        (await _store.AppendAsync(Request(tenant, "a", "deleted"), CancellationToken.None)).ShouldBe(1, "the same key: the receipt already written");

        var lines = await LinesAsync(tenant);

        lines.Count.ShouldBe(2);
        lines[0].ShouldContain($"\"previousHash\":\"{ReceiptChain.Genesis}\"");
        ReceiptVerifier.Verify(lines).ShouldBe(new ReceiptVerification(2, null, null, 0, null, false));
    }

    [Fact]
    public async Task Appenders_racing_on_one_tenant_keep_one_valid_chain_with_every_receipt_once()
    {
        var tenant = NewTenant();
        var stores = Enumerable.Range(0, 3).Select(_ => new TableReceiptStore(fixture.Tables())).ToList();

        var sequences = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => stores[i % 3].AppendAsync(Request(tenant, $"key-{i % 20}", "deleted"), CancellationToken.None)));

        sequences.Distinct().Count().ShouldBe(20, "ten keys were written twice");
        var lines = await LinesAsync(tenant);
        lines.Count.ShouldBe(20);
        ReceiptVerifier.Verify(lines).IsValid.ShouldBeTrue();
    }

    [Fact]
    public async Task Pages_follow_the_chain_and_filters_select_by_media_id_and_completion_time()
    {
        var tenant = NewTenant();
        for (var i = 0; i < 5; i++)
        {
            await _store.AppendAsync(Request(tenant, $"k{i}", "deleted", mediaId: i % 2 == 0 ? "even" : "odd", completedAt: Now.AddMinutes(i)), CancellationToken.None);
        }

        var first = await ListAsync(tenant, after: 0, limit: 2);
        first.Select(receipt => receipt.Sequence).ShouldBe([1, 2]);
        (await ListAsync(tenant, after: 2, limit: 10)).Select(receipt => receipt.Sequence).ShouldBe([3, 4, 5]);
        (await ListAsync(tenant, 0, 10, mediaId: "even")).Select(receipt => receipt.Sequence).ShouldBe([1, 3, 5]);
        (await ListAsync(tenant, 0, 10, from: Now.AddMinutes(1), to: Now.AddMinutes(3))).Select(receipt => receipt.Sequence).ShouldBe([2, 3]);
        (await ListAsync(NewTenant(), 0, 10)).ShouldBeEmpty();
    }

    private async Task<List<string>> LinesAsync(string tenant) => (await ListAsync(tenant, 0, 1000)).Select(receipt => receipt.Line).ToList();

    private async Task<List<StoredReceipt>> ListAsync(string tenant, long after, int limit, DateTimeOffset? from = null, DateTimeOffset? to = null, string? mediaId = null)
    {
        var list = new List<StoredReceipt>();
        await foreach (var receipt in _store.ListAsync(tenant, after, limit, from, to, mediaId, CancellationToken.None))
        {
            list.Add(receipt);
        }

        return list;
    }

    private static string NewTenant() => $"r{Guid.NewGuid():N}"[..20];

    private static ReceiptRequest Request(string tenant, string key, string outcome, string mediaId = "1013859600285441", DateTimeOffset? completedAt = null) =>
        new(key, tenant, "meta", mediaId, null, "queue", "req-1", null, null, null, null, completedAt ?? Now, outcome, null, 1, new ReceiptEvidence(200, null));
}
