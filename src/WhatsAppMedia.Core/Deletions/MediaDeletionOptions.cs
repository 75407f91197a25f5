namespace WhatsAppMedia.Core.Deletions;

/// <summary>Queue processing settings (<c>MediaDeletion__*</c>, docs/formats.md, "Queue message", and README.md, "Configuration").</summary>
public sealed class MediaDeletionOptions
{
    public const string SectionName = "MediaDeletion";

    /// <summary>The work queue. Default <c>media-deletions</c>; failures go to <c>{Queue}-failed</c> and <c>{Queue}-poison</c>.</summary>
    public string Queue { get; set; } = "media-deletions";

    /// <summary>How many times a throttled message is deferred before it goes to <c>{Queue}-failed</c>. Default 10.</summary>
    public int MaxThrottleRetries { get; set; } = 10;

    /// <summary>The longest a throttled message is deferred at once, whatever the provider asked. Default 15 minutes.</summary>
    public TimeSpan MaxThrottleDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The deferral when a throttled provider named no delay: doubled per attempt, capped by <see cref="MaxThrottleDelay"/>. Default 30 s.</summary>
    public TimeSpan DefaultThrottleDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many messages of one batch are sent to the queue at once. Default 32.</summary>
    public int EnqueueParallelism { get; set; } = 32;

    /// <summary>How long a batch's state is kept after its POST (<c>MediaDeletion__BatchRetention</c>). Default 30 days.</summary>
    public TimeSpan BatchRetention { get; set; } = TimeSpan.FromDays(30);

    public string FailedQueue => Queue + "-failed";

    public string PoisonQueue => Queue + "-poison";
}
