using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WhatsAppMedia.Core.Receipts;

/// <summary>
/// Removes receipts older than <c>Receipts__Retention</c> (docs/receipts.md, "Retention"), whatever became of their
/// batches: per tenant, the oldest first, so the receipts kept are still one unbroken chain.
/// </summary>
public sealed partial class ReceiptRetentionJob
{
    /// <summary>Daily at 03:30 UTC: receipts are kept for months, a day more or less does not matter.</summary>
    public const string Schedule = "0 30 3 * * *";

    /// <summary>The period of <see cref="Schedule"/>, for the local host's timer.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromDays(1);

    private readonly TableReceiptStore _store;
    private readonly IOptions<ReceiptOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ReceiptRetentionJob> _logger;

    internal ReceiptRetentionJob(TableReceiptStore store, IOptions<ReceiptOptions> options, TimeProvider timeProvider, ILogger<ReceiptRetentionJob> logger)
    {
        _store = store;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Removes every receipt completed before now minus the retention; returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = _timeProvider.GetUtcNow() - _options.Value.Retention;
        var removed = 0;
        await foreach (var head in _store.ListHeadsAsync(cancellationToken))
        {
            removed += await _store.RemoveCompletedBeforeAsync(head.TenantId, cutoff, cancellationToken);
        }

        if (removed > 0)
        {
            LogRemoved(removed, cutoff);
        }
        else
        {
            LogNothingToRemove(cutoff);
        }

        return removed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Receipt retention: removed {Count} receipt(s) completed before {Cutoff:O}.")]
    private partial void LogRemoved(int count, DateTimeOffset cutoff);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Receipt retention: no receipt completed before {Cutoff:O}.")]
    private partial void LogNothingToRemove(DateTimeOffset cutoff);
}
