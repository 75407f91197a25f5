using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using WhatsAppMedia.Core.Batches;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Tests.Support;

namespace WhatsAppMedia.Core.Tests.Deletions;

/// <summary><c>queue redrive</c> on real Azurite queues and tables.</summary>
public sealed class QueueRedriveTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly IOptions<MediaDeletionOptions> _options = Options.Create(new MediaDeletionOptions { Queue = AzuriteFixture.NewQueueName("redrive") });
    private readonly QueueServiceClient _queues = fixture.Queues();
    private readonly TableBatchStore _batches = new(fixture.Tables());

    private QueueClient Work => _queues.GetQueueClient(_options.Value.Queue);

    private QueueClient Poison => _queues.GetQueueClient(_options.Value.PoisonQueue);

    private QueueClient Failed => _queues.GetQueueClient(_options.Value.FailedQueue);

    [Fact]
    public async Task An_empty_or_missing_source_moves_nothing()
    {
        (await Redrive().RunAsync(RedriveSource.Poison, null, dryRun: false)).Moved.ShouldBe(0);
        await Poison.CreateAsync();
        (await Redrive().RunAsync(RedriveSource.Poison, null, dryRun: false)).Moved.ShouldBe(0);
    }

    [Fact]
    public async Task Poisoned_messages_go_back_to_work_with_attempt_zero_and_their_items_to_pending()
    {
        var batchId = BatchIds.New();
        await _batches.CreateAsync("acme", batchId, Now, [new BatchItemSeed(0, "m0"), new BatchItemSeed(1, "m1")]);
        await _batches.RecordAsync("acme", batchId, 1, new BatchItemOutcome(BatchItemState.Poisoned, "provider_unavailable", "503", Now));
        await _batches.RecordAsync("acme", batchId, 0, new BatchItemOutcome(BatchItemState.Deleted, null, null, Now));
        await Poison.CreateAsync();
        await Poison.SendMessageAsync(new DeletionMessage("acme", "m1", BatchId: batchId, Attempt: 4, ItemIndex: 1).ToJson());
        await Poison.SendMessageAsync(new DeletionMessage("globex", "m9").ToJson());

        var report = await Redrive().RunAsync(RedriveSource.Poison, null, dryRun: false);

        report.MovedPerTenant.ShouldBe(new Dictionary<string, int> { ["acme"] = 1, ["globex"] = 1 });
        (await Poison.PeekMessagesAsync(32)).Value.ShouldBeEmpty();
        var moved = await WorkMessagesAsync();
        moved.Select(message => (message.TenantId, message.MediaId, message.Attempt)).OrderBy(m => m.TenantId).ShouldBe([("acme", "m1", 0), ("globex", "m9", 0)]);
        moved.Single(message => message.TenantId == "acme").ItemIndex.ShouldBe(1);
        var status = (await _batches.GetAsync("acme", batchId))!;
        status.Counts[BatchItemState.Pending].ShouldBe(1);
        status.Counts[BatchItemState.Deleted].ShouldBe(1, "items that were not redriven keep their outcome");
    }

    [Fact]
    public async Task Failed_entries_are_unwrapped_and_tenant_filtering_leaves_the_others_in_place()
    {
        await Failed.CreateAsync();
        await Failed.SendMessageAsync(Entry(new DeletionMessage("acme", "m1").ToJson()));
        await Failed.SendMessageAsync(Entry(new DeletionMessage("globex", "m2").ToJson()));
        await Failed.SendMessageAsync(Entry("{not json"));

        var report = await Redrive().RunAsync(RedriveSource.Failed, "acme", dryRun: false);

        report.MovedPerTenant.ShouldBe(new Dictionary<string, int> { ["acme"] = 1 });
        report.Unreadable.ShouldBe(1);
        (await WorkMessagesAsync()).Select(message => message.MediaId).ShouldBe(["m1"]);
        var left = (await Failed.PeekMessagesAsync(32)).Value.Select(message => FailedDeletion.FromJson(message.Body.ToString())!.Message).ToList();
        left.Count.ShouldBe(2, "another tenant's entry and the unreadable one stay, visible again at once");
        left.ShouldContain("{not json");
    }

    [Fact]
    public async Task A_dry_run_counts_and_changes_nothing()
    {
        await Poison.CreateAsync();
        await Poison.SendMessageAsync(new DeletionMessage("acme", "m1").ToJson());
        await Poison.SendMessageAsync(new DeletionMessage("acme", "m2").ToJson());

        var report = await Redrive().RunAsync(RedriveSource.Poison, null, dryRun: true);

        report.MovedPerTenant.ShouldBe(new Dictionary<string, int> { ["acme"] = 2 });
        (await Poison.PeekMessagesAsync(32)).Value.Length.ShouldBe(2, "still there and visible");
        (await Work.ExistsAsync()).Value.ShouldBeFalse("nothing was sent to work");
    }

    [Fact]
    public async Task A_redrive_interrupted_half_way_loses_nothing_and_a_second_run_finishes_it()
    {
        await Poison.CreateAsync();
        for (var i = 0; i < 6; i++)
        {
            await Poison.SendMessageAsync(new DeletionMessage("acme", $"m{i}").ToJson());
        }

        var work = new StorageDeletionQueue(_queues, _options);
        var failing = new FailingAfterQueue(work, succeed: 3);
        await Should.ThrowAsync<InvalidOperationException>(() => new QueueRedrive(_queues, failing, _batches, _options).RunAsync(RedriveSource.Poison, null, dryRun: false));

        var second = await Redrive().RunAsync(RedriveSource.Poison, null, dryRun: false);

        second.Moved.ShouldBe(3);
        (await WorkMessagesAsync()).Select(message => message.MediaId).Order().ShouldBe(["m0", "m1", "m2", "m3", "m4", "m5"]);
        (await Poison.PeekMessagesAsync(32)).Value.ShouldBeEmpty();
    }

    private QueueRedrive Redrive() => new(_queues, new StorageDeletionQueue(_queues, _options), _batches, _options);

    private static string Entry(string message) => new FailedDeletion(message, "provider_rejected", "no", Now).ToJson();

    private async Task<List<DeletionMessage>> WorkMessagesAsync() =>
        (await Work.PeekMessagesAsync(32)).Value.Select(message => DeletionMessage.TryParse(message.Body.ToString(), out var parsed, out _) ? parsed : throw new InvalidOperationException()).ToList();

    /// <summary>The work queue failing after <c>succeed</c> messages: a redrive that stops half-way.</summary>
    private sealed class FailingAfterQueue(IDeletionQueue inner, int succeed) : IDeletionQueue
    {
        private int _sent;

        public Task EnqueueAsync(DeletionMessage message, TimeSpan visibilityDelay, CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref _sent) > succeed
                ? throw new InvalidOperationException("The work queue went away.")
                : inner.EnqueueAsync(message, visibilityDelay, cancellationToken);

        public Task WriteFailedAsync(FailedDeletion failure, CancellationToken cancellationToken = default) => inner.WriteFailedAsync(failure, cancellationToken);
    }
}
