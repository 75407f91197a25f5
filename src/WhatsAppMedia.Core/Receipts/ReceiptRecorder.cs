using Microsoft.Extensions.Logging;
using WhatsAppMedia.Core.Batches;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Core.Receipts;

/// <summary>
/// Writes the receipt of each terminal outcome (docs/receipts.md, "When a receipt is written"): the queue consumer's,
/// before the outcome is recorded on its batch item, and DELETE-now's, once the provider has answered. The key says
/// which outcome it is, so a redelivered message or a request sent again with its <c>X-Request-Id</c> leaves one receipt.
/// A receipt that cannot be written is logged and never changes the deletion: failing a delivery would make its retry
/// call the provider again, failing a DELETE-now answer would make the caller send it again.
/// </summary>
internal sealed partial class ReceiptRecorder(TableReceiptStore store, TimeProvider timeProvider, ILogger<ReceiptRecorder> logger)
{
    /// <summary>Who asked, for a message taken from the queue that does not say (one put there directly).</summary>
    public const string Queue = "queue";

    /// <summary>
    /// The longest text a receipt keeps of a caller's value (media id, phone, request id): longer than any valid one,
    /// so only a refused value is cut, and a receipt stays far below Table storage's 64 KiB per property.
    /// </summary>
    public const int MaxFieldLength = 256;

    /// <summary>The receipt of a queue message's terminal outcome.</summary>
    public Task RecordQueueOutcomeAsync(
        DeletionMessage message, string? provider, BatchItemState state, string? code, DeletionResult? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        // Settled (deleted or not found) and failed (failed or poisoned) are one outcome each: the redelivery of a
        // deleted item that now finds nothing is the same outcome, a redriven failed item that is then deleted is not.
        var kind = state is BatchItemState.Deleted or BatchItemState.NotFound ? "settled" : "failed";
        var key = BatchIds.IsValid(message.BatchId) && message.ItemIndex is { } index
            ? $"batch/{message.BatchId}/{index}/{kind}"
            : $"message/{message.MediaId}/{message.RequestId}/{kind}";
        // The key is hashed before it is stored, so its length does not matter.
        return AppendAsync(
            new ReceiptRequest(
                key,
                message.TenantId,
                provider ?? string.Empty,
                Bounded(message.MediaId)!,
                Bounded(message.Phone),
                Bounded(message.RequestedBy) ?? Queue,
                Bounded(message.RequestId),
                Bounded(message.Reason),
                message.BatchId,
                message.ItemIndex,
                null,
                timeProvider.GetUtcNow(),
                BatchItemStates.Name(state),
                code,
                result?.Attempts ?? 0,
                Evidence(result)),
            cancellationToken);
    }

    /// <summary>The receipt of a DELETE-now that reached the provider.</summary>
    public Task RecordImmediateAsync(
        string tenantId, string provider, MediaTarget target, string requestedBy, string requestId, string? reason, DateTimeOffset requestedAt, DeletionResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(result);
        var code = OutcomeCodes.For(result.Outcome);
        var outcome = result.Outcome switch
        {
            ProviderOutcome.Deleted => BatchItemState.Deleted,
            ProviderOutcome.NotFound => BatchItemState.NotFound,
            _ => BatchItemState.Failed,
        };
        // As for queue outcomes: a failed request sent again with its X-Request-Id and then deleted has two receipts.
        var kind = outcome == BatchItemState.Failed ? "failed" : "settled";
        return AppendAsync(
            new ReceiptRequest(
                $"http/{requestId}/{target.MediaId}/{kind}",
                tenantId,
                provider,
                Bounded(target.MediaId)!,
                Bounded(target.Phone),
                requestedBy,
                Bounded(requestId),
                reason,
                null,
                null,
                requestedAt,
                timeProvider.GetUtcNow(),
                BatchItemStates.Name(outcome),
                code,
                result.Attempts,
                Evidence(result)),
            cancellationToken);
    }

    private async Task AppendAsync(ReceiptRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await store.AppendAsync(request, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogNotWritten(exception, request.TenantId, request.MediaId, request.RequestId);
        }
    }

    /// <summary>Who asked over HTTP: <c>apiKey:</c> and the first 12 hex digits of the key's SHA-256, never the key.</summary>
    public static string ApiKeyCaller(string? apiKey) =>
        string.IsNullOrEmpty(apiKey) ? "apiKey:none" : "apiKey:" + Tenants.ApiKeyHash.Compute(apiKey)[..12];

    /// <summary>The value, or its first <see cref="MaxFieldLength"/> characters and an ellipsis (docs/receipts.md, "A receipt").</summary>
    private static string? Bounded(string? value) =>
        value is { Length: > MaxFieldLength } ? string.Concat(value.AsSpan(0, MaxFieldLength), "…") : value;

    private static ReceiptEvidence Evidence(DeletionResult? result) => new(result?.Answer.HttpStatus, Bounded(result?.Answer.ProviderCode), result?.Answer.RequestId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Tenant {TenantId} media {MediaId}: the deletion's receipt could not be written (request {RequestId}).")]
    private partial void LogNotWritten(Exception exception, string tenantId, string mediaId, string? requestId);
}
