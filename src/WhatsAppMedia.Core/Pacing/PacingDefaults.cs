namespace WhatsAppMedia.Core.Pacing;

/// <summary>The pacing rules' fixed numbers (docs/pacing.md).</summary>
internal static class PacingDefaults
{
    public static readonly TimeSpan MaxImmediateWait = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How far from its slot a queued message may be sent: earlier or later than this and it takes a new slot, so no
    /// call goes more than this far from a slot of its own and the budget holds within one second's worth of requests.
    /// </summary>
    public static readonly TimeSpan SlotTolerance = TimeSpan.FromSeconds(1);

    /// <summary>How long an instance trusts what it read of a tenant's pause before reading it again.</summary>
    public static readonly TimeSpan PauseCacheTtl = TimeSpan.FromSeconds(1);

    /// <summary>Azure Storage queues hide a message for at most 7 days (Put Message, <c>visibilitytimeout</c>: https://learn.microsoft.com/rest/api/storageservices/put-message).</summary>
    public static readonly TimeSpan MaxQueueDelay = TimeSpan.FromDays(7);

    /// <summary>The pause after a provider throttled a paced tenant without saying for how long.</summary>
    public static readonly TimeSpan UnspecifiedThrottlePause = TimeSpan.FromSeconds(1);
}
