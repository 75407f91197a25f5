using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Core.Batches;
using WhatsAppMedia.Core.Scheduling;
using WhatsAppMedia.Core.Tests.Support;

namespace WhatsAppMedia.Core.Tests.Scheduling;

/// <summary>The dry run's counting on real Azurite tables and a fake clock (docs/scheduling.md, "Dry run").</summary>
public sealed class DueDeletionCounterTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Now = new(2031, 5, 10, 22, 0, 0, TimeSpan.Zero);

    private readonly TableBatchStore _batches = new(fixture.Tables());
    private readonly TableDueIndex _index = new(fixture.Tables());

    [Fact]
    public async Task Counts_waiting_items_per_utc_day_up_to_until_and_an_overdue_one_today_for_a_day()
    {
        var tenant = $"t{Guid.NewGuid():N}"[..20];
        var clock = new FakeTimeProvider(Now);
        await RecordAsync(tenant, [Now.AddHours(1), Now.AddHours(3), Now.AddDays(3)]);
        await RecordAsync(tenant, [Now.AddDays(3).AddMinutes(5), Now.AddDays(400)]);
        var counter = new DueDeletionCounter(_index, _batches, clock);

        var all = await counter.CountAsync(tenant, Now.AddDays(3650), CancellationToken.None);
        all.Total.ShouldBe(5);
        all.Days.ShouldBe(
        [
            new DueDay(new DateOnly(2031, 5, 10), 1),
            new DueDay(new DateOnly(2031, 5, 11), 1),
            new DueDay(new DateOnly(2031, 5, 13), 2),
            new DueDay(new DateOnly(2032, 6, 13), 1),
        ]);
        (await counter.CountAsync(tenant, Now.AddDays(3), CancellationToken.None)).Total.ShouldBe(3, "until is inclusive; 5 minutes later is after it");

        // Past its time, no outcome yet: due today, for up to a day.
        clock.SetUtcNow(Now.AddHours(2));
        (await counter.CountAsync(tenant, Now.AddDays(1), CancellationToken.None)).Days.ShouldBe([new DueDay(new DateOnly(2031, 5, 11), 2)]);
        clock.SetUtcNow(Now.AddHours(1) + DueDeletionCounter.OverdueWindow + TimeSpan.FromMinutes(1));
        (await counter.CountAsync(tenant, Now.AddDays(2), CancellationToken.None)).Days.ShouldBe([new DueDay(new DateOnly(2031, 5, 11), 1)]);
    }

    [Fact]
    public async Task Settled_and_cancelled_items_and_other_tenants_do_not_count_and_an_index_row_without_a_batch_is_skipped()
    {
        var tenant = $"t{Guid.NewGuid():N}"[..20];
        var batchId = await RecordAsync(tenant, [Now.AddDays(1), Now.AddDays(1), Now.AddDays(2)]);
        await RecordAsync($"o{Guid.NewGuid():N}"[..20], [Now.AddDays(1)]);
        await _batches.RecordAsync(tenant, batchId, 0, new BatchItemOutcome(BatchItemState.Deleted, null, null, Now));
        await _batches.CancelScheduledAsync(tenant, batchId, 2, Now);
        // A POST that died after the index row and before its batch row: nothing to count.
        await _index.WidenAsync(tenant, BatchIds.New(), Now.AddDays(1), Now.AddDays(1), CancellationToken.None);

        var due = await new DueDeletionCounter(_index, _batches, new FakeTimeProvider(Now)).CountAsync(tenant, Now.AddDays(10), CancellationToken.None);

        due.Total.ShouldBe(1);
        due.Days.ShouldBe([new DueDay(new DateOnly(2031, 5, 11), 1)]);
    }

    [Fact]
    public async Task The_index_only_widens()
    {
        var tenant = $"t{Guid.NewGuid():N}"[..20];
        var batchId = BatchIds.New();
        await _index.WidenAsync(tenant, batchId, Now.AddDays(2), Now.AddDays(3), CancellationToken.None);
        await _index.WidenAsync(tenant, batchId, Now.AddDays(1), Now.AddDays(2), CancellationToken.None);
        await _index.WidenAsync(tenant, batchId, Now.AddDays(5), Now.AddDays(5), CancellationToken.None);

        (await _index.LastDueAtAsync(tenant, batchId, CancellationToken.None)).ShouldBe(Now.AddDays(5));
        (await ListAsync(tenant, Now.AddDays(1), Now.AddDays(1))).ShouldBe([batchId], "the earliest was widened to day 1");
        (await ListAsync(tenant, Now.AddDays(6), Now.AddDays(7))).ShouldBeEmpty();
        (await ListAsync(tenant, Now, Now.AddHours(23))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Concurrent_widenings_of_one_row_keep_the_widest_bounds()
    {
        var tenant = $"t{Guid.NewGuid():N}"[..20];
        var batchId = BatchIds.New();
        await Task.WhenAll(Enumerable.Range(1, 12).Select(day => _index.WidenAsync(tenant, batchId, Now.AddDays(day), Now.AddDays(day), CancellationToken.None)));

        (await _index.LastDueAtAsync(tenant, batchId, CancellationToken.None)).ShouldBe(Now.AddDays(12));
        (await ListAsync(tenant, Now.AddDays(1), Now.AddDays(1))).ShouldBe([batchId]);
    }

    private async Task<List<string>> ListAsync(string tenant, DateTimeOffset from, DateTimeOffset until)
    {
        var found = new List<string>();
        await foreach (var batchId in _index.BatchesDueAsync(tenant, from, until, CancellationToken.None))
        {
            found.Add(batchId);
        }

        return found;
    }

    private async Task<string> RecordAsync(string tenant, DateTimeOffset[] dueTimes)
    {
        var batchId = BatchIds.New();
        await _batches.CreateAsync(tenant, batchId, Now, dueTimes.Select((due, index) => new BatchItemSeed(index, $"media-{index}", DueAt: due)).ToList());
        await _index.WidenAsync(tenant, batchId, dueTimes.Min(), dueTimes.Max(), CancellationToken.None);
        return batchId;
    }
}
