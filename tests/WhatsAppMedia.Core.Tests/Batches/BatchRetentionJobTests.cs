using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Core.Batches;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Scheduling;
using WhatsAppMedia.Core.Tests.Support;

namespace WhatsAppMedia.Core.Tests.Batches;

/// <summary>The retention job both hosts schedule: its cutoff is now minus MediaDeletion:BatchRetention, on a real Azurite table.</summary>
public sealed class BatchRetentionJobTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    // Long before any other test's batches, so the job's cutoff reaches none of theirs.
    private static readonly DateTimeOffset Now = new(1990, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Removes_batches_created_before_now_minus_the_retention_and_keeps_the_rest()
    {
        var store = new TableBatchStore(fixture.Tables());
        var expired = BatchIds.New();
        var justInside = BatchIds.New();
        var retention = TimeSpan.FromDays(30);
        await store.CreateAsync("acme", expired, Now - retention - TimeSpan.FromSeconds(1), [new BatchItemSeed(0, "media-0")]);
        await store.CreateAsync("acme", justInside, Now - retention + TimeSpan.FromSeconds(1), [new BatchItemSeed(0, "media-0")]);
        var job = new BatchRetentionJob(
            store, new TableDueIndex(fixture.Tables()), Options.Create(new MediaDeletionOptions { BatchRetention = retention }), new FakeTimeProvider(Now), NullLogger<BatchRetentionJob>.Instance);

        var removed = await job.RunAsync();

        removed.ShouldBe(1);
        (await store.GetAsync("acme", expired)).ShouldBeNull();
        (await store.GetAsync("acme", justInside)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Keeps_a_batch_until_the_retention_has_passed_after_its_last_due_time()
    {
        var store = new TableBatchStore(fixture.Tables());
        var index = new TableDueIndex(fixture.Tables());
        var retention = TimeSpan.FromDays(30);
        var stillScheduled = BatchIds.New();
        var dueLongAgo = BatchIds.New();
        await store.CreateAsync("acme", stillScheduled, Now - TimeSpan.FromDays(31), [new BatchItemSeed(0, "media-0", DueAt: Now + TimeSpan.FromDays(60))]);
        await index.WidenAsync("acme", stillScheduled, Now + TimeSpan.FromDays(60), Now + TimeSpan.FromDays(60), CancellationToken.None);
        await store.CreateAsync("acme", dueLongAgo, Now - TimeSpan.FromDays(90), [new BatchItemSeed(0, "media-0", DueAt: Now - TimeSpan.FromDays(31))]);
        await index.WidenAsync("acme", dueLongAgo, Now - TimeSpan.FromDays(31), Now - TimeSpan.FromDays(31), CancellationToken.None);
        var job = new BatchRetentionJob(
            store, index, Options.Create(new MediaDeletionOptions { BatchRetention = retention }), new FakeTimeProvider(Now), NullLogger<BatchRetentionJob>.Instance);

        (await job.RunAsync()).ShouldBe(1);

        (await store.GetAsync("acme", stillScheduled)).ShouldNotBeNull();
        (await index.LastDueAtAsync("acme", stillScheduled, CancellationToken.None)).ShouldBe(Now + TimeSpan.FromDays(60));
        (await store.GetAsync("acme", dueLongAgo)).ShouldBeNull();
        (await index.LastDueAtAsync("acme", dueLongAgo, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public void Both_hosts_run_it_hourly()
    {
        BatchRetentionJob.Schedule.ShouldBe("0 0 * * * *");
        BatchRetentionJob.Period.ShouldBe(TimeSpan.FromHours(1));
    }
}
