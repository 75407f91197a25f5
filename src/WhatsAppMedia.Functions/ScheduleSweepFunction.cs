using Microsoft.Azure.Functions.Worker;
using WhatsAppMedia.Core.Scheduling;

namespace WhatsAppMedia.Functions;

/// <summary>
/// Moves scheduled deletions that are nearly due from the schedule table to the work queue every minute
/// (<see cref="ScheduleSweepJob.Schedule"/>, NCRONTAB with seconds). The timer's schedule monitor makes one instance run
/// it per tick; should two ever sweep at once, the job's ETag-conditional claims still queue each deletion once.
/// </summary>
public sealed class ScheduleSweepFunction(ScheduleSweepJob job)
{
    [Function("SweepScheduledDeletions")]
    public Task RunAsync([TimerTrigger(ScheduleSweepJob.Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return job.RunAsync(cancellationToken);
    }
}
