using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Core.Batches;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Hosting;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.Meta;
using WhatsAppMedia.Core.Scheduling;
using WhatsAppMedia.Core.Tenants;
using WhatsAppMedia.Core.Tests.Deletions;
using WhatsAppMedia.Core.Tests.Providers;
using WhatsAppMedia.Core.Tests.Support;
using static WhatsAppMedia.Core.Tests.Providers.ScriptedProvider;

namespace WhatsAppMedia.Core.Tests.Scheduling;

/// <summary>
/// A bulk deletion with <c>deleteAt</c> from the POST to the provider (docs/scheduling.md): batch state and the schedule
/// table on Azurite, a fake clock, the work queue recorded. Items due later than <c>EnqueueAhead</c> wait in the table
/// until a sweep finds them within it; nearer ones are queued at once with a delay; none is sent before its time.
/// </summary>
public sealed class ScheduledDeletionTests : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan EnqueueAhead = TimeSpan.FromMinutes(5);

    private readonly FakeTimeProvider _clock = new(Now);
    private readonly RecordingDeletionQueue _queue = new();
    private readonly Tenant _tenant = new("acme", new string('0', 64), null, new MetaCredentials("token"));
    private readonly ScriptedProvider _provider;
    private readonly TableBatchStore _batches;
    private readonly TableScheduleStore _schedule;

    public ScheduledDeletionTests(AzuriteFixture azurite)
    {
        _provider = new ScriptedProvider(_clock, Answer(ProviderOutcome.Deleted));
        _batches = new TableBatchStore(azurite.Tables());
        _schedule = new TableScheduleStore(azurite.Tables(), $"schedule{Guid.NewGuid():N}");
    }

    [Fact]
    public async Task An_item_30_days_ahead_waits_in_the_table_and_is_deleted_once_the_clock_reaches_it_not_before()
    {
        var due = Now.AddDays(30);
        var batchId = await SubmitAsync($$"""{"items":[{"mediaId":"1001","deleteAt":"{{Utc(due)}}"}]}""");

        _queue.Enqueued.ShouldBeEmpty("due beyond EnqueueAhead: it waits in the schedule table");
        var status = (await _batches.GetAsync("acme", batchId))!;
        status.ScheduledCount(Now).ShouldBe(1);
        status.NextDueAt(Now).ShouldBe(due);
        status.Done.ShouldBeFalse();

        _clock.SetUtcNow(due - EnqueueAhead - TimeSpan.FromSeconds(1));
        (await Sweep().RunAsync()).ShouldBe(0, "not yet within EnqueueAhead");

        _clock.SetUtcNow(due - TimeSpan.FromMinutes(2));
        (await Sweep().RunAsync()).ShouldBe(1);
        var (message, delay) = _queue.Enqueued.ShouldHaveSingleItem();
        delay.ShouldBe(TimeSpan.FromMinutes(2), "hidden until its time");
        message.DeleteAt.ShouldBe(due);
        (await Sweep().RunAsync()).ShouldBe(0, "the row is gone once queued");

        // Shown early all the same (a clock ahead of the queue's): it waits again, nothing is sent.
        _queue.Enqueued.Clear();
        await Processor().ProcessAsync(message.ToJson(), dequeueCount: 1);
        _provider.Calls.ShouldBe(0);
        _queue.Enqueued.ShouldHaveSingleItem().Delay.ShouldBe(TimeSpan.FromMinutes(2));

        _clock.SetUtcNow(due);
        await Processor().ProcessAsync(message.ToJson(), dequeueCount: 1);
        _provider.DeletedMediaIds.ShouldBe(["1001"]);
        _provider.AttemptTimes.ShouldBe([due]);
        var done = (await _batches.GetAsync("acme", batchId))!;
        done.Counts[BatchItemState.Deleted].ShouldBe(1);
        done.Done.ShouldBeTrue();
    }

    [Fact]
    public async Task An_item_due_within_EnqueueAhead_is_queued_at_once_with_a_delay_and_one_due_now_without()
    {
        var batchId = await SubmitAsync($$"""{"deleteAt":"{{Utc(Now.AddMinutes(3))}}","items":[{"mediaId":"1"},{"mediaId":"2","deleteAt":null},{"mediaId":"3","deleteAt":"2020-01-01T00:00:00Z"}]}""");

        _queue.Enqueued.Select(entry => (entry.Message.MediaId, entry.Delay, entry.Message.DeleteAt)).OrderBy(entry => entry.MediaId).ShouldBe(
        [
            ("1", TimeSpan.FromMinutes(3), Now.AddMinutes(3)),
            ("2", TimeSpan.FromMinutes(3), Now.AddMinutes(3)),
            ("3", TimeSpan.Zero, (DateTimeOffset?)null),
        ]);
        (await Sweep().RunAsync()).ShouldBe(0, "nothing went to the schedule table");
        var status = (await _batches.GetAsync("acme", batchId))!;
        status.ScheduledCount(Now).ShouldBe(2, "an explicit null takes the batch's time; a past time means now");
        status.ScheduledCount(Now.AddMinutes(3)).ShouldBe(0, "due: pending like any unsettled item");
    }

    [Fact]
    public async Task A_second_copy_of_a_scheduled_deletion_whose_item_is_settled_is_dropped_without_a_provider_call()
    {
        var batchId = await SubmitAsync($$"""{"items":[{"mediaId":"1002","deleteAt":"{{Utc(Now.AddMinutes(1))}}"}]}""");
        var (message, _) = _queue.Enqueued.ShouldHaveSingleItem();
        _clock.Advance(TimeSpan.FromMinutes(1));

        await Processor().ProcessAsync(message.ToJson(), dequeueCount: 1);
        await Processor().ProcessAsync(message.ToJson(), dequeueCount: 1);

        _provider.DeletedMediaIds.ShouldBe(["1002"]);
        (await _batches.GetAsync("acme", batchId))!.Counts[BatchItemState.Deleted].ShouldBe(1);
    }

    [Theory]
    [InlineData("""{"deleteAt":"2027-01-31T09:00:00+02:00","items":[{"mediaId":"1"}]}""", "'deleteAt' must be an ISO 8601 UTC time ending in Z")]
    [InlineData("""{"deleteAt":"10000-01-01T00:00:00Z","items":[{"mediaId":"1"}]}""", "'deleteAt' must be an ISO 8601 UTC time ending in Z")]
    [InlineData("""{"deleteAt":"2036-12-06T00:00:00Z","items":[{"mediaId":"1"}]}""", "'deleteAt' may be at most 3,650 days ahead")]
    [InlineData("""{"deleteAt":1767225600,"items":[{"mediaId":"1"}]}""", "'deleteAt' must be a string")]
    public async Task A_bad_batch_deleteAt_refuses_the_whole_body_and_records_nothing(string body, string expected)
    {
        var submission = await Submitter().SubmitAsync(_tenant, Parse(body), "req-1", null, CancellationToken.None);

        submission.Refusal.ShouldNotBeNull().Code.ShouldBe(ErrorCodes.InvalidDeleteAt);
        submission.Refusal.Message.ShouldStartWith(expected);
        submission.BatchId.ShouldBeNull();
        _queue.Enqueued.ShouldBeEmpty();
    }

    [Fact]
    public async Task Bad_item_deleteAt_values_are_each_refused_with_their_index_and_nothing_is_queued()
    {
        var body = """
            {"items":[
              {"mediaId":"1","deleteAt":"2027-01-31T09:00:00Z"},
              {"mediaId":"2","deleteAt":"31/01/2027"},
              {"mediaId":"3","deleteAt":"2027-01-31T09:00:00-05:00"},
              {"mediaId":"4","deleteAt":"2036-12-05T10:00:01Z"},
              {"mediaId":"5","deleteAt":{"at":"2027-01-31T09:00:00Z"}},
              {"mediaId":"x","deleteAt":"never"}
            ]}
            """;

        var submission = await Submitter().SubmitAsync(_tenant, Parse(body), "req-1", null, CancellationToken.None);

        submission.Errors.ShouldNotBeNull().Select(error => (error.Index, error.Code)).ShouldBe(
        [
            (1, ErrorCodes.InvalidDeleteAt),
            (2, ErrorCodes.InvalidDeleteAt),
            (3, ErrorCodes.InvalidDeleteAt),
            (4, ErrorCodes.InvalidDeleteAt),
            (5, ErrorCodes.InvalidMediaId),
        ]);
        submission.Errors[0].Detail.ShouldStartWith("'items[1].deleteAt' must be an ISO 8601 UTC time");
        submission.Errors[2].Detail.ShouldStartWith("'items[3].deleteAt' may be at most 3,650 days ahead");
        submission.Errors[3].Detail.ShouldStartWith("'items[4].deleteAt' must be a string");
        _queue.Enqueued.ShouldBeEmpty();
        (await Sweep().RunAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Cancelling_before_the_due_time_means_no_provider_call_for_the_queued_item_nor_the_one_in_the_table()
    {
        var batchId = await SubmitAsync($$"""
            {"items":[{"mediaId":"2001"},{"mediaId":"2002","deleteAt":"{{Utc(Now.AddMinutes(2))}}"},{"mediaId":"2003","deleteAt":"{{Utc(Now.AddDays(30))}}"}]}
            """);
        var queued = _queue.Enqueued.Select(entry => entry.Message).ToList();
        queued.Select(message => message.MediaId).Order().ShouldBe(["2001", "2002"]);

        var change = (await Editor().CancelAsync("acme", batchId, CancellationToken.None))!;
        change.Changed.ShouldBe(2);
        change.AlreadySent.ShouldBe(1, "the item due at once was queued without a time");
        var again = (await Editor().CancelAsync("acme", batchId, CancellationToken.None))!;
        (again.Changed, again.AlreadySent).ShouldBe((2, 1), "cancelling again changes nothing");

        _clock.Advance(TimeSpan.FromMinutes(2));
        foreach (var message in queued)
        {
            await Processor().ProcessAsync(message.ToJson(), dequeueCount: 1);
        }

        _clock.SetUtcNow(Now.AddDays(30));
        (await Sweep().RunAsync()).ShouldBe(0, "the cancelled item's row is gone");
        _provider.DeletedMediaIds.ShouldBe(["2001"]);
        var status = (await _batches.GetAsync("acme", batchId))!;
        status.Counts[BatchItemState.Cancelled].ShouldBe(2);
        status.Counts[BatchItemState.Deleted].ShouldBe(1);
        status.Done.ShouldBeTrue();
        (await Editor().CancelAsync("other", batchId, CancellationToken.None)).ShouldBeNull("another tenant's batch is not found");
    }

    [Fact]
    public async Task Rescheduling_moves_a_queued_item_and_one_in_the_table_and_each_is_deleted_once_at_its_new_time()
    {
        var batchId = await SubmitAsync($$"""
            {"items":[{"mediaId":"3001","deleteAt":"{{Utc(Now.AddMinutes(2))}}"},{"mediaId":"3002","deleteAt":"{{Utc(Now.AddDays(30))}}"}]}
            """);
        var (old, _) = _queue.Enqueued.ShouldHaveSingleItem();
        var later = Now.AddDays(60);

        var change = (await Editor().RescheduleAsync("acme", batchId, later, CancellationToken.None))!;
        change.ShouldBe(new BatchScheduleChange(2, 0, 0));
        (await _batches.GetAsync("acme", batchId))!.NextDueAt(Now).ShouldBe(later);

        // The message queued for the old time shows then and, its item waiting for a later time, looks again for a
        // minute (a reschedule to an earlier time looks the same until its item write lands), then is dropped.
        _queue.Enqueued.Clear();
        _clock.Advance(TimeSpan.FromMinutes(2));
        await Processor().ProcessAsync(old.ToJson(), dequeueCount: 1);
        _queue.Enqueued.ShouldHaveSingleItem().Delay.ShouldBe(TimeSpan.FromSeconds(10));
        _queue.Enqueued.Clear();
        _clock.Advance(TimeSpan.FromMinutes(1));
        await Processor().ProcessAsync(old.ToJson(), dequeueCount: 1);
        _queue.Enqueued.ShouldBeEmpty();
        _clock.SetUtcNow(Now.AddDays(30));
        (await Sweep().RunAsync()).ShouldBe(0, "the old row is gone");
        _provider.Calls.ShouldBe(0);

        _queue.Enqueued.Clear();
        _clock.SetUtcNow(later);
        (await Sweep().RunAsync()).ShouldBe(2);
        foreach (var (message, _) in _queue.Enqueued.ToList())
        {
            await Processor().ProcessAsync(message.ToJson(), dequeueCount: 1);
        }

        _provider.DeletedMediaIds.Order().ShouldBe(["3001", "3002"]);
        _provider.AttemptTimes.ShouldAllBe(time => time == later);
        (await _batches.GetAsync("acme", batchId))!.Done.ShouldBeTrue();
    }

    [Fact]
    public async Task A_message_of_a_reschedule_whose_item_write_has_not_landed_looks_again_then_gives_way()
    {
        var due = Now.AddDays(30);
        var batchId = await SubmitAsync($$"""{"items":[{"mediaId":"4001","deleteAt":"{{Utc(due)}}"}]}""");
        var early = new DeletionMessage("acme", "4001", BatchId: batchId, ItemIndex: 0, DeleteAt: Now);

        await Processor().ProcessAsync(early.ToJson(), dequeueCount: 1);
        _provider.Calls.ShouldBe(0);
        _queue.Enqueued.ShouldHaveSingleItem().Delay.ShouldBe(TimeSpan.FromSeconds(10), "the item may say so in a moment");

        _queue.Enqueued.Clear();
        _clock.Advance(TimeSpan.FromMinutes(1));
        await Processor().ProcessAsync(early.ToJson(), dequeueCount: 1);
        _provider.Calls.ShouldBe(0);
        _queue.Enqueued.ShouldBeEmpty("after a minute the reschedule is taken as failed; the item's own time stands");
    }

    [Fact]
    public async Task Rescheduled_to_now_an_item_is_queued_by_the_next_sweep_and_its_message_waits_for_the_item_write_if_it_comes_first()
    {
        var batchId = await SubmitAsync($$"""{"items":[{"mediaId":"5001","deleteAt":"{{Utc(Now.AddDays(30))}}"},{"mediaId":"5002","deleteAt":"{{Utc(Now.AddDays(30))}}"}]}""");

        // Item 1's message overtakes its item write (a sweep between the reschedule's two writes): it looks again.
        var overtaking = new DeletionMessage("acme", "5002", BatchId: batchId, ItemIndex: 1, DeleteAt: Now);
        await Processor().ProcessAsync(overtaking.ToJson(), dequeueCount: 1);
        _provider.Calls.ShouldBe(0);
        _queue.Enqueued.Clear();

        (await Editor().RescheduleAsync("acme", batchId, Now, CancellationToken.None))!.Changed.ShouldBe(2);
        (await Sweep().RunAsync()).ShouldBe(2);
        _queue.Enqueued.ShouldAllBe(entry => entry.Delay == TimeSpan.Zero && entry.Message.DeleteAt == Now);
        _clock.Advance(TimeSpan.FromSeconds(10));
        await Processor().ProcessAsync(overtaking.ToJson(), dequeueCount: 1);
        foreach (var (message, _) in _queue.Enqueued.ToList())
        {
            await Processor().ProcessAsync(message.ToJson(), dequeueCount: 1);
        }

        // The overtaking copy went once its item said so; the sweep's copy of that item found it settled.
        _provider.DeletedMediaIds.Order().ToList().ShouldBe(["5001", "5002"]);
    }

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static DeletionBatch Parse(string body)
    {
        DeletionBatch.TryParse(System.Text.Encoding.UTF8.GetBytes(body), out var batch, out var problem).ShouldBeTrue(problem);
        return batch;
    }

    private async Task<string> SubmitAsync(string body)
    {
        var submission = await Submitter().SubmitAsync(_tenant, Parse(body), "req-1", null, CancellationToken.None);
        submission.Errors.ShouldBeNull();
        submission.Refusal.ShouldBeNull();
        return submission.BatchId.ShouldNotBeNull();
    }

    private ProviderClient Client() =>
        new([_provider], Options.Create(new ProviderRetryOptions { MaxAttempts = 1 }), _clock, NullLogger<ProviderClient>.Instance);

    private static IOptions<SchedulingOptions> Scheduling() => Options.Create(new SchedulingOptions { EnqueueAhead = EnqueueAhead });

    private BatchSubmitter Submitter() => new(
        Client(), _queue, Options.Create(new MediaDeletionOptions()), _batches, _clock, NullLogger<BatchSubmitter>.Instance, pacer: null, _schedule, Scheduling());

    private BatchScheduleEditor Editor() => new(_batches, _schedule, _clock);

    private ScheduleSweepJob Sweep() => new(_schedule, _queue, Scheduling(), _clock, NullLogger<ScheduleSweepJob>.Instance);

    private DeletionMessageProcessor Processor()
    {
        var tenants = new OneTenantStore(_tenant);
        var client = Client();
        var settings = new QueueHostSettings(new ConfigurationBuilder().Build(), QueueMessageEncoding.Base64);
        return new DeletionMessageProcessor(
            tenants,
            client,
            new TenantMediaDeleter(tenants, client, new InFlightDeletions(), NullLogger<TenantMediaDeleter>.Instance),
            _queue,
            Options.Create(new MediaDeletionOptions()),
            settings,
            _clock,
            new BatchProgress(_batches, settings, _clock, NullLogger<BatchProgress>.Instance),
            NullLogger<DeletionMessageProcessor>.Instance);
    }
}
