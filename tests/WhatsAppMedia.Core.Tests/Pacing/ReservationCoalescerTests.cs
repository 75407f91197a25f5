using WhatsAppMedia.Core.Pacing;

namespace WhatsAppMedia.Core.Tests.Pacing;

/// <summary>
/// One instance's concurrent reservations share one write of the schedule: callers that arrive while a write is in
/// flight are reserved together in the next one, each with its own consecutive slots; a failed write fails its callers only.
/// </summary>
public sealed class ReservationCoalescerTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task Callers_arriving_during_a_write_are_reserved_together_in_the_next_one_with_disjoint_slots()
    {
        var writes = new List<int>();
        var firstWrite = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var next = Start;
        var coalescer = new ReservationCoalescer(async count =>
        {
            writes.Add(count);
            if (writes.Count == 1)
            {
                await firstWrite.Task;
            }

            var reservation = new PacingReservation(next, Interval, count);
            next += Interval * count;
            return reservation;
        });

        var first = coalescer.ReserveAsync(2, CancellationToken.None);
        var later = Enumerable.Range(1, 5).Select(count => coalescer.ReserveAsync(count, CancellationToken.None)).ToList();
        firstWrite.SetResult();
        var reservations = await Task.WhenAll([first, .. later]);

        writes.ShouldBe([2, 15], "the five later callers share the second write");
        var slots = reservations.SelectMany(reservation => Enumerable.Range(0, reservation.Count).Select(reservation.SlotAt)).Order().ToList();
        slots.ShouldBe(Enumerable.Range(0, 17).Select(index => Start + (Interval * index)));
        reservations.Select(reservation => reservation.Count).ShouldBe([2, 1, 2, 3, 4, 5]);
    }

    [Fact]
    public async Task A_failed_write_fails_the_callers_it_was_for_and_the_next_caller_writes_again()
    {
        var calls = 0;
        var coalescer = new ReservationCoalescer(count => ++calls == 1
            ? Task.FromException<PacingReservation>(new InvalidOperationException("storage is down"))
            : Task.FromResult(new PacingReservation(Start, Interval, count)));

        (await Should.ThrowAsync<InvalidOperationException>(() => coalescer.ReserveAsync(1, CancellationToken.None))).Message.ShouldBe("storage is down");
        var retried = await coalescer.ReserveAsync(3, CancellationToken.None);

        retried.ShouldBe(new PacingReservation(Start, Interval, 3));
    }

    [Fact]
    public async Task A_caller_that_gives_up_stops_waiting_and_the_others_still_get_their_slots()
    {
        var write = new TaskCompletionSource<PacingReservation>(TaskCreationOptions.RunContinuationsAsynchronously);
        var coalescer = new ReservationCoalescer(_ => write.Task);
        using var cancelled = new CancellationTokenSource();

        var leaving = coalescer.ReserveAsync(1, cancelled.Token);
        var staying = coalescer.ReserveAsync(1, CancellationToken.None);
        await cancelled.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => leaving);
        write.SetResult(new PacingReservation(Start, Interval, 1));

        (await staying).FirstSlot.ShouldBe(Start);
    }

    [Fact]
    public async Task Zero_slots_is_refused() =>
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => new ReservationCoalescer(count => Task.FromResult(new PacingReservation(Start, Interval, count))).ReserveAsync(0, CancellationToken.None));
}
