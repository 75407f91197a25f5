namespace WhatsAppMedia.Core.Scheduling;

/// <summary>What a cancel or reschedule of a batch did (docs/scheduling.md, "Cancel and reschedule").</summary>
/// <param name="Changed">Items cancelled (all the batch's cancelled items, earlier cancels included) or moved by this call.</param>
/// <param name="AlreadySent">Items that were no longer waiting: sent, settled, or due at once when the batch was queued.</param>
/// <param name="Cancelled">For a reschedule: items cancelled earlier, which stay cancelled.</param>
internal sealed record BatchScheduleChange(int Changed, int AlreadySent, int Cancelled);
