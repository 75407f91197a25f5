using Microsoft.Azure.Functions.Worker;
using WhatsAppMedia.Core.Receipts;

namespace WhatsAppMedia.Functions;

/// <summary>
/// Signs every tenant's receipt chain head that moved since its last digest, every 15 minutes
/// (<see cref="ReceiptDigestJob.Schedule"/>). One instance runs it per tick (the timer's schedule monitor); should two
/// ever run at once, a digest is only added where none exists, so each head is signed once.
/// </summary>
public sealed class ReceiptDigestFunction(ReceiptDigestJob job)
{
    [Function("SignReceiptDigests")]
    public Task RunAsync([TimerTrigger(ReceiptDigestJob.Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return job.RunAsync(cancellationToken);
    }
}
