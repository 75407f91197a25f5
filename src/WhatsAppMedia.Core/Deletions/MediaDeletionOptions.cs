namespace WhatsAppMedia.Core.Deletions;

/// <summary>Queue processing settings (<c>MediaDeletion__*</c>, docs/formats.md, "Queue message", and README.md, "Configuration").</summary>
public sealed class MediaDeletionOptions
{
    public const string SectionName = "MediaDeletion";

    /// <summary>The work queue; failures go to <c>{Queue}-failed</c> and <c>{Queue}-poison</c>.</summary>
    /// <value>Default <c>media-deletions</c>.</value>
    public string Queue { get; set; } = MediaDeletionDefaults.Queue;

    /// <summary>How many times a throttled message is deferred before it goes to <c>{Queue}-failed</c>.</summary>
    /// <value>Default 10.</value>
    public int MaxThrottleRetries { get; set; } = MediaDeletionDefaults.MaxThrottleRetries;

    /// <summary>The longest a throttled message is deferred at once, whatever the provider asked.</summary>
    /// <value>Default 15 minutes.</value>
    public TimeSpan MaxThrottleDelay { get; set; } = MediaDeletionDefaults.MaxThrottleDelay;

    /// <summary>The deferral when a throttled provider named no delay: doubled per attempt, capped by <see cref="MaxThrottleDelay"/>.</summary>
    /// <value>Default 30 s.</value>
    public TimeSpan DefaultThrottleDelay { get; set; } = MediaDeletionDefaults.DefaultThrottleDelay;

    /// <summary>How many messages of one batch are sent to the queue at once.</summary>
    /// <value>Default 32.</value>
    public int EnqueueParallelism { get; set; } = MediaDeletionDefaults.EnqueueParallelism;

    /// <summary>How long a batch's state is kept after its POST (<c>MediaDeletion__BatchRetention</c>).</summary>
    /// <value>Default 30 days.</value>
    public TimeSpan BatchRetention { get; set; } = MediaDeletionDefaults.BatchRetention;

    public string FailedQueue => Queue + "-failed";

    public string PoisonQueue => Queue + "-poison";
}
