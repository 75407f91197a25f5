using Microsoft.Extensions.Logging;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Hosting;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Receipts;

namespace WhatsAppMedia.Core.Batches;

/// <summary>
/// The queue processor's side of batch state: records each batch message's outcome on its item, and whether a failed
/// delivery is the last one (docs/architecture.md, "Queue": <c>dequeueCount</c> equals host.json <c>maxDequeueCount</c>, after which the
/// queue trigger moves the message to <c>{queue}-poison</c> — Microsoft.Azure.WebJobs.Extensions.Storage.Queues
/// <c>QueueProcessor.CompleteProcessingMessageAsync</c> poisons when <c>DequeueCount &gt;= MaxDequeueCount</c>).
/// Messages without <c>batchId</c> and <c>itemIndex</c> belong to no batch and are not recorded.
/// </summary>
internal sealed partial class BatchProgress(
    IBatchStore store, QueueHostSettings settings, TimeProvider timeProvider, ILogger<BatchProgress> logger, ReceiptRecorder? receipts = null)
{
    /// <summary>The code of a failure that was not one of the contract's (an unexpected exception).</summary>
    private const string InternalError = "internal_error";

    private readonly int _maxDequeueCount = settings.MaxDequeueCount();

    public bool IsLastDelivery(long dequeueCount) => dequeueCount >= _maxDequeueCount;

    /// <summary>
    /// Writes the receipt of the message's terminal <paramref name="state"/> (docs/receipts.md), then records the state
    /// for its item; the batch store's exception escapes, so the delivery fails and is retried (a receipt's does not:
    /// <see cref="ReceiptRecorder"/>).
    /// </summary>
    /// <param name="provider">The tenant's provider, when the tenant could be read.</param>
    /// <param name="result">The provider's answer, when it was called.</param>
    public async Task RecordAsync(
        DeletionMessage message, BatchItemState state, string? code, string? detail, string? provider, DeletionResult? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (receipts is not null && code is not ErrorCodes.UnknownTenant and not ErrorCodes.InvalidTenantId)
        {
            // A tenant that does not exist has no chain to hand a receipt to.
            await receipts.RecordQueueOutcomeAsync(message, provider, state, code, result, cancellationToken);
        }

        // A batch id not of the service's form was never issued by it (and may not even be a valid table key).
        if (!BatchIds.IsValid(message.BatchId) || message.ItemIndex is not { } index)
        {
            return;
        }

        var outcome = new BatchItemOutcome(state, code, detail, timeProvider.GetUtcNow());
        if (!await store.RecordAsync(message.TenantId, message.BatchId, index, outcome, cancellationToken))
        {
            LogNotInBatch(message.TenantId, message.BatchId, index);
        }
    }

    /// <summary>Where the message's item stands; null outside a batch (or when the batch is gone).</summary>
    public async Task<BatchItemRecord?> ItemOfAsync(DeletionMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return BatchIds.IsValid(message.BatchId) && message.ItemIndex is { } index
            ? await store.GetItemAsync(message.TenantId, message.BatchId, index, cancellationToken)
            : null;
    }

    /// <summary>Notes the new slot of the message's item, for the batch status's <c>nextAttemptAt</c>.</summary>
    public async Task RescheduledAsync(DeletionMessage message, DateTimeOffset scheduledAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (BatchIds.IsValid(message.BatchId) && message.ItemIndex is { } index)
        {
            await store.RescheduleAsync(message.TenantId, message.BatchId, index, scheduledAt, cancellationToken);
        }
    }

    /// <summary>Records a failed last delivery as poisoned, with the failure's code when it has one.</summary>
    public Task RecordPoisonedAsync(DeletionMessage message, Exception failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failure);

        // Only the processor's own failures have a message fit for the caller; anything else may carry internals.
        var (code, detail) = failure is DeliveryFailedException { Code: { } known }
            ? (known, failure.Message)
            : (InternalError, "The delivery failed unexpectedly; the host's log has the details.");
        return RecordAsync(message, BatchItemState.Poisoned, code, $"{detail} (delivery {_maxDequeueCount} of {_maxDequeueCount}; moved to the poison queue)", null, null, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {TenantId}: batch {BatchId} has no item {Index} (removed, or never recorded); its outcome is not recorded.")]
    private partial void LogNotInBatch(string tenantId, string batchId, int index);
}
