using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Scheduling;

namespace WhatsAppMedia.Core.Batches;

/// <summary>
/// Removes batches older than <c>MediaDeletion__BatchRetention</c> (docs/architecture.md, "Batch state"). Both hosts run it on a schedule:
/// the Functions app from a timer trigger, the local host from a hosted service; the rule lives here once.
/// </summary>
public sealed partial class BatchRetentionJob
{
    private readonly IBatchStore _store;
    private readonly TableDueIndex? _dueIndex;
    private readonly IOptions<MediaDeletionOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<BatchRetentionJob> _logger;

    // Internal: it takes Core's internal services, so the hosts get it from AddMediaDeletionServices (docs/architecture.md, "Projects").
    internal BatchRetentionJob(IBatchStore store, TableDueIndex? dueIndex, IOptions<MediaDeletionOptions> options, TimeProvider timeProvider, ILogger<BatchRetentionJob> logger)
    {
        _store = store;
        _dueIndex = dueIndex;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>How often the hosts run the job: hourly keeps the table within an hour of the retention.</summary>
    public const string Schedule = "0 0 * * * *";

    /// <summary>The period of <see cref="Schedule"/>, for the local host's timer.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromHours(1);

    /// <summary>Removes every batch created before now minus the retention; returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = _timeProvider.GetUtcNow() - _options.Value.BatchRetention;
        // A batch's retention counts from its last due time when that is later than its creation: a batch scheduled
        // 90 days ahead keeps its state, and can still be cancelled, until 30 days after its items were due.
        var dueIndex = _dueIndex;
        var removed = await _store.RemoveCreatedBeforeAsync(
            cutoff,
            dueIndex is null ? null : async (tenantId, batchId, token) => await dueIndex.LastDueAtAsync(tenantId, batchId, token) >= cutoff,
            cancellationToken);
        if (dueIndex is not null)
        {
            await dueIndex.RemoveEndedBeforeAsync(cutoff, cancellationToken);
        }

        if (removed > 0)
        {
            LogRemoved(removed, cutoff);
        }
        else
        {
            // A run that found nothing is not worth a line at Information (docs/logging.md).
            LogNothingToRemove(cutoff);
        }
        return removed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch retention: removed {Count} batch(es) created before {Cutoff:O}.")]
    private partial void LogRemoved(int count, DateTimeOffset cutoff);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Batch retention: no batch created before {Cutoff:O}.")]
    private partial void LogNothingToRemove(DateTimeOffset cutoff);
}
