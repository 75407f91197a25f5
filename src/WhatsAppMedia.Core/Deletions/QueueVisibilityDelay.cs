using WhatsAppMedia.Core.Pacing;

namespace WhatsAppMedia.Core.Deletions;

/// <summary>
/// The whole seconds a queued message stays hidden. Put Message's <c>visibilitytimeout</c> counts whole seconds (and
/// the SDK truncates a <see cref="TimeSpan"/>), at most 7 days
/// (https://learn.microsoft.com/rest/api/storageservices/put-message); docs/pacing.md, "The visibility delay".
/// </summary>
internal static class QueueVisibilityDelay
{
    /// <summary>
    /// A deferred message is rounded up, so it never shows before its provider's wait is over. A paced message (one that
    /// carries its slot) is rounded to the nearest second: its consumer holds one shown early until the slot, while one
    /// rounded up would show up to a second late and, with the queue's polling on top, often past the slot tolerance.
    /// Longer than 7 days is capped; the message then waits again for what is left.
    /// </summary>
    public static TimeSpan For(DeletionMessage message, TimeSpan requested)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfLessThan(requested, TimeSpan.Zero);
        if (requested >= PacingDefaults.MaxQueueDelay)
        {
            return PacingDefaults.MaxQueueDelay;
        }

        var seconds = message.NotBefore is null
            ? Math.Ceiling(requested.TotalSeconds)
            : Math.Round(requested.TotalSeconds, MidpointRounding.AwayFromZero);
        return TimeSpan.FromSeconds(seconds);
    }
}
