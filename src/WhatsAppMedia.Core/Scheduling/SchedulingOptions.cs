namespace WhatsAppMedia.Core.Scheduling;

/// <summary>Settings of scheduled deletions (section <c>Scheduling</c>; docs/scheduling.md, "Settings").</summary>
internal sealed class SchedulingOptions
{
    public const string SectionName = "Scheduling";

    /// <summary>
    /// A scheduled item due within this time is put on the work queue with a visibility delay; a later one waits in the
    /// schedule table until a sweep finds it within this time. Longer than the sweep period, so items show on time.
    /// </summary>
    /// <value>Default 5 minutes; between 1 second and 7 days (the queue's visibility limit).</value>
    public TimeSpan EnqueueAhead { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a sweeping instance's claim on a schedule row stands before another instance may take the row over (the
    /// claimant crashed). Longer than <see cref="EnqueueAhead"/>, so a claim never expires before its message is due.
    /// </summary>
    /// <value>Default 10 minutes.</value>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the local host sweeps; the Functions app's timer sweeps every minute (<see cref="ScheduleSweepJob.Schedule"/>).</summary>
    /// <value>Default 1 minute.</value>
    public TimeSpan SweepPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
