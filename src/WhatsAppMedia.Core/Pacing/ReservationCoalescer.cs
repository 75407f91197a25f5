namespace WhatsAppMedia.Core.Pacing;

/// <summary>
/// Joins one instance's concurrent reservations for a tenant into one conditional write of the shared schedule: while
/// a write is in flight, later callers queue up, and the next write reserves all their slots at once and hands each
/// caller its consecutive share. Without it, every message that takes a new slot races every other one for the same
/// row and loses on average half the time per round; with 24 deliveries in flight a single reschedule cost a dozen
/// round trips (bench/RESULTS.md, "Slot lateness"). Only this instance's callers are joined; other instances still
/// meet at the row's ETag (docs/pacing.md, "The shared schedule").
/// </summary>
internal sealed class ReservationCoalescer(Func<int, Task<PacingReservation>> reserve)
{
    private readonly object _gate = new();
    private readonly List<(int Count, TaskCompletionSource<PacingReservation> Reserved)> _waiting = [];
    private bool _writing;

    /// <summary>Reserves <paramref name="count"/> consecutive slots, possibly in one write with other callers'.</summary>
    public Task<PacingReservation> ReserveAsync(int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var reserved = new TaskCompletionSource<PacingReservation>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool lead;
        lock (_gate)
        {
            _waiting.Add((count, reserved));
            lead = !_writing;
            _writing = true;
        }

        if (lead)
        {
            _ = WriteAllAsync();
        }

        // A caller that gives up leaves its slots unused, as a crashed instance would: they simply pass.
        return reserved.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Writes until nobody waits; each round reserves what every caller queued so far.</summary>
    private async Task WriteAllAsync()
    {
        while (true)
        {
            List<(int Count, TaskCompletionSource<PacingReservation> Reserved)> round;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _writing = false;
                    return;
                }

                round = [.. _waiting];
                _waiting.Clear();
            }

            try
            {
                var all = await reserve(round.Sum(caller => caller.Count));
                var offset = 0;
                foreach (var (count, reserved) in round)
                {
                    reserved.TrySetResult(new PacingReservation(all.SlotAt(offset), all.Interval, count));
                    offset += count;
                }
            }
            catch (Exception exception)
            {
                foreach (var (_, reserved) in round)
                {
                    reserved.TrySetException(exception);
                }
            }
        }
    }
}
