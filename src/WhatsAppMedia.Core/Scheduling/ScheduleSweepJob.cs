using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WhatsAppMedia.Core.Deletions;

namespace WhatsAppMedia.Core.Scheduling;

/// <summary>
/// Moves scheduled deletions from the schedule table to the work queue once they are due within
/// <c>Scheduling__EnqueueAhead</c>, each with a visibility delay until its time (docs/scheduling.md, "The sweep"). Any
/// number of instances may sweep at once: each row is claimed with an ETag-conditional write before it is queued and
/// removed after, so a row is queued by one claimant; a claimant that dies leaves its rows to the next sweep once the
/// claim (<c>Scheduling__ClaimTimeout</c>) expires. Both hosts run it: the Functions app from a timer trigger, the
/// local host from a hosted service.
/// </summary>
public sealed partial class ScheduleSweepJob
{
    /// <summary>How often the Functions app sweeps (NCRONTAB with seconds): every minute.</summary>
    public const string Schedule = "0 * * * * *";

    /// <summary>Messages of one chunk sent at once.</summary>
    private const int Parallelism = 16;

    /// <summary>The service's limit on operations in one entity group transaction, all in one partition (one due minute).</summary>
    private const int RowsPerTransaction = 100;

    /// <summary>Chunks worked on at once: at most this many claims of 100 rows are in flight.</summary>
    private const int ChunksAtOnce = 2;

    private readonly TableScheduleStore _store;
    private readonly IDeletionQueue _queue;
    private readonly IOptions<SchedulingOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ScheduleSweepJob> _logger;

    // Internal: it takes Core's internal services, so the hosts get it from AddMediaDeletionServices (docs/architecture.md, "Projects").
    internal ScheduleSweepJob(TableScheduleStore store, IDeletionQueue queue, IOptions<SchedulingOptions> options, TimeProvider timeProvider, ILogger<ScheduleSweepJob> logger)
    {
        _store = store;
        _queue = queue;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>The local host's sweep period (<c>Scheduling__SweepPeriod</c>).</summary>
    public TimeSpan Period => _options.Value.SweepPeriod;

    /// <summary>Queues every unclaimed deletion due within <c>Scheduling__EnqueueAhead</c>; returns how many this run queued.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = _timeProvider.GetUtcNow();
        var options = _options.Value;
        var due = new List<ScheduledDeletion>();
        await foreach (var deletion in _store.ListDueAsync(now + options.EnqueueAhead, cancellationToken))
        {
            // A live claim is another instance's work in progress.
            if (deletion.ClaimedUntil <= now)
            {
                due.Add(deletion);
            }
        }

        // Claimed and removed 100 rows of one partition per transaction; their messages are sent 16 at a time.
        var queued = 0;
        // In an order of this sweep's own, so instances sweeping at once mostly start on different chunks.
        var chunks = due.GroupBy(deletion => deletion.DueAt.UtcDateTime.Ticks / TimeSpan.TicksPerMinute).SelectMany(partition => partition.Chunk(RowsPerTransaction)).ToArray();
        Random.Shared.Shuffle(chunks);
        await Parallel.ForEachAsync(
            chunks,
            new ParallelOptions { MaxDegreeOfParallelism = ChunksAtOnce, CancellationToken = cancellationToken },
            async (chunk, token) =>
            {
                var claimed = await _store.TryClaimAllAsync(chunk, now + options.ClaimTimeout, token);
                await Parallel.ForEachAsync(
                    claimed,
                    new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = token },
                    async (deletion, sendToken) =>
                    {
                        var delay = deletion.DueAt - _timeProvider.GetUtcNow();
                        await _queue.EnqueueAsync(deletion.Message, delay > TimeSpan.Zero ? delay : TimeSpan.Zero, sendToken);
                    });
                await _store.RemoveAllAsync(claimed, token);
                Interlocked.Add(ref queued, claimed.Count);
            });

        if (queued > 0)
        {
            LogQueued(queued, now + options.EnqueueAhead);
        }
        else
        {
            // A sweep that found nothing is not worth a line at Information (docs/logging.md).
            LogNothingDue(now + options.EnqueueAhead);
        }

        return queued;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule sweep: queued {Count} deletion(s) due by {Until:O}.")]
    private partial void LogQueued(int count, DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Schedule sweep: nothing unclaimed due by {Until:O}.")]
    private partial void LogNothingDue(DateTimeOffset until);
}
