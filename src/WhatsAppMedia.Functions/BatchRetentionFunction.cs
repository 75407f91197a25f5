using Microsoft.Azure.Functions.Worker;
using WhatsAppMedia.Core.Batches;

namespace WhatsAppMedia.Functions;

/// <summary>
/// Removes batches older than <c>MediaDeletion__BatchRetention</c> every hour (<see cref="BatchRetentionJob.Schedule"/>,
/// NCRONTAB with seconds). The timer trigger's schedule monitor, kept in the <c>AzureWebJobsStorage</c> account, makes
/// one instance run it per tick even when the app is scaled out.
/// </summary>
public sealed class BatchRetentionFunction(BatchRetentionJob job)
{
    [Function("RemoveExpiredBatches")]
    public Task RunAsync([TimerTrigger(BatchRetentionJob.Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return job.RunAsync(cancellationToken);
    }
}
