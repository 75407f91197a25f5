using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Core.Batches;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Scheduling;
using WhatsAppMedia.Core.Tests.Support;

namespace WhatsAppMedia.Core.Tests.Scheduling;

/// <summary>
/// Several instances sweeping one schedule table on Azurite (docs/scheduling.md, "The sweep"): each instance has its
/// own table client, as separate hosts would. Every due row is queued once by whoever claimed it; a sweeper that dies
/// mid-sweep leaves its rows to the next sweep once its claims expire.
/// </summary>
public sealed class ScheduleSweepJobTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly SchedulingOptions Settings = new() { EnqueueAhead = TimeSpan.FromMinutes(5), ClaimTimeout = TimeSpan.FromMinutes(10) };

    private readonly string _tableName = $"schedule{Guid.NewGuid():N}";
    private readonly FakeTimeProvider _clock = new(Now);

    [Fact]
    public async Task Three_instances_sweeping_at_once_queue_every_due_row_exactly_once_and_leave_later_ones()
    {
        var batchId = BatchIds.New();
        await Store().AddAsync(Messages(batchId, 300, Now.AddMinutes(1)).Concat(Messages(batchId, 20, Now.AddHours(1), firstIndex: 300)).ToList(), CancellationToken.None);
        var queues = new[] { new ConcurrentQueueRecorder(), new ConcurrentQueueRecorder(), new ConcurrentQueueRecorder() };

        // A chunk lost to another instance part way may leave a few rows to the next round of sweeps.
        var total = 0;
        for (var round = 0; round < 3 && total < 300; round++)
        {
            total += (await Task.WhenAll(queues.Select(queue => Sweep(queue).RunAsync()))).Sum();
        }

        total.ShouldBe(300);
        var queued = queues.SelectMany(queue => queue.Enqueued).ToList();
        queued.Select(entry => entry.Message.ItemIndex).Order().ShouldBe(Enumerable.Range(0, 300).Select(index => (int?)index));
        queued.ShouldAllBe(entry => entry.Delay == TimeSpan.FromMinutes(1));
        (await Task.WhenAll(queues.Select(queue => Sweep(queue).RunAsync()))).Sum().ShouldBe(0, "queued rows are removed; later ones are not due yet");

        _clock.Advance(TimeSpan.FromHours(1));
        (await Sweep(queues[0]).RunAsync()).ShouldBe(20);
    }

    [Fact]
    public async Task A_sweeper_killed_mid_sweep_loses_nothing_its_live_claims_are_left_alone_then_taken_over()
    {
        // Three due minutes: three partitions, claimed a transaction of up to 100 rows each.
        var batchId = BatchIds.New();
        await Store().AddAsync(
            [.. Messages(batchId, 100, Now.AddMinutes(1)), .. Messages(batchId, 100, Now.AddMinutes(2), firstIndex: 100), .. Messages(batchId, 100, Now.AddMinutes(3), firstIndex: 200)],
            CancellationToken.None);

        // Dies right after its 10th message reached the queue: its claims taken by then stand, and none of its rows
        // is removed, the 10 queued ones included.
        var dying = new ConcurrentQueueRecorder { DieAfter = 10 };
        await Should.ThrowAsync<OperationCanceledException>(() => Sweep(dying).RunAsync());
        dying.Enqueued.Count.ShouldBe(10);

        var survivor = new ConcurrentQueueRecorder();
        var first = await Sweep(survivor).RunAsync();
        first.ShouldBeGreaterThanOrEqualTo(300 - (ClaimsInFlight * 100), "every row the dead sweeper had not claimed");
        first.ShouldBeLessThan(300, "the dead sweeper's live claims are left alone");

        _clock.Advance(Settings.ClaimTimeout + TimeSpan.FromSeconds(1));
        var second = await Sweep(survivor).RunAsync();
        (first + second).ShouldBe(300);

        var everything = dying.Enqueued.Concat(survivor.Enqueued).Select(entry => entry.Message.ItemIndex!.Value).ToList();
        everything.Distinct().Count().ShouldBe(300, "no row is lost");
        // Only a row queued by the dead sweeper but not removed is queued twice; the processor drops the second copy
        // once the item is settled (ScheduledDeletionTests).
        (everything.Count - 300).ShouldBe(dying.Enqueued.Count);
        (await Sweep(survivor).RunAsync()).ShouldBe(0);
    }

    /// <summary>How many 100-row claims one sweep has in flight at once: at most this many stand when it dies.</summary>
    private const int ClaimsInFlight = 2;

    private static IEnumerable<DeletionMessage> Messages(string batchId, int count, DateTimeOffset due, int firstIndex = 0) =>
        Enumerable.Range(firstIndex, count).Select(index => new DeletionMessage("acme", $"{1000 + index}", BatchId: batchId, ItemIndex: index, DeleteAt: due));

    private TableScheduleStore Store() => new(azurite.Tables(), _tableName);

    private ScheduleSweepJob Sweep(IDeletionQueue queue) => new(Store(), queue, Options.Create(Settings), _clock, NullLogger<ScheduleSweepJob>.Instance);

    /// <summary>A thread-safe recording queue; with <see cref="DieAfter"/>, the sweeping "process" dies right after that many sends.</summary>
    private sealed class ConcurrentQueueRecorder : IDeletionQueue
    {
        private int _sent;

        public ConcurrentQueue<(DeletionMessage Message, TimeSpan Delay)> Enqueued { get; } = new();

        public int? DieAfter { get; init; }

        public Task EnqueueAsync(DeletionMessage message, TimeSpan visibilityDelay, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (DieAfter is { } limit && Interlocked.Increment(ref _sent) > limit)
            {
                throw new OperationCanceledException("the process died");
            }

            Enqueued.Enqueue((message, visibilityDelay));
            if (DieAfter is { } last && _sent == last)
            {
                throw new OperationCanceledException("the process died right after this send");
            }

            return Task.CompletedTask;
        }

        public Task WriteFailedAsync(FailedDeletion failure, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
