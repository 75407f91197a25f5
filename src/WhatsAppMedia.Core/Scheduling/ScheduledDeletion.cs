using Azure;
using WhatsAppMedia.Core.Deletions;

namespace WhatsAppMedia.Core.Scheduling;

/// <summary>One deletion waiting in the schedule table for its time (docs/scheduling.md, "The schedule table").</summary>
/// <param name="Message">The message the sweep will queue; its <see cref="DeletionMessage.DeleteAt"/> is the due time.</param>
/// <param name="ClaimedUntil">Until when a sweeping instance holds it; in the past when nobody does.</param>
/// <param name="ETag">The row's version as read, the condition of the next write.</param>
internal sealed record ScheduledDeletion(DeletionMessage Message, DateTimeOffset ClaimedUntil = default, ETag ETag = default)
{
    public DateTimeOffset DueAt => Message.DeleteAt ?? throw new InvalidOperationException("A scheduled deletion has a due time.");
}
