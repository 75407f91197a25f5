namespace WhatsAppMedia.Core.Deletions;

/// <summary>The defaults of <see cref="MediaDeletionOptions"/>, stated once (README.md, "Configuration").</summary>
internal static class MediaDeletionDefaults
{
    public const string Queue = "media-deletions";

    public const int MaxThrottleRetries = 10;

    public static readonly TimeSpan MaxThrottleDelay = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan DefaultThrottleDelay = TimeSpan.FromSeconds(30);

    public const int EnqueueParallelism = 32;

    public static readonly TimeSpan BatchRetention = TimeSpan.FromDays(30);
}
