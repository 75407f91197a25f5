using Microsoft.Azure.Functions.Worker;
using WhatsAppMedia.Core.Receipts;

namespace WhatsAppMedia.Functions;

/// <summary>Removes receipts older than <c>Receipts__Retention</c>, daily (<see cref="ReceiptRetentionJob.Schedule"/>), oldest first per tenant.</summary>
public sealed class ReceiptRetentionFunction(ReceiptRetentionJob job)
{
    [Function("RemoveExpiredReceipts")]
    public Task RunAsync([TimerTrigger(ReceiptRetentionJob.Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return job.RunAsync(cancellationToken);
    }
}
