using WhatsAppMedia.Core.Pacing;

namespace WhatsAppMedia.Core.Tests.Pacing;

/// <summary>The schedule's arithmetic: slots never closer than the interval, never in the past, never in a pause.</summary>
public sealed class PacingCursorTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(5, 2_000_000)]
    [InlineData(100, 100_000)]
    [InlineData(3, 3_333_334)]
    [InlineData(0.5, 20_000_000)]
    public void The_interval_is_rounded_up_so_the_rate_is_never_exceeded(double rate, long ticks) =>
        PacingCursor.Interval(rate).Ticks.ShouldBe(ticks);

    [Fact]
    public void An_idle_tenant_starts_now_and_holds_consecutive_slots()
    {
        var next = PacingCursor.Empty.Reserve(Now, 5, 10, out var first);

        first.ShouldBe(Now);
        next.NextSlotAt.ShouldBe(Now + TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void A_reservation_comes_after_what_is_already_held()
    {
        var held = PacingCursor.Empty.Reserve(Now, 5, 600, out _);

        var next = held.Reserve(Now + TimeSpan.FromSeconds(1), 5, 5, out var first);

        first.ShouldBe(Now + TimeSpan.FromSeconds(120));
        next.NextSlotAt.ShouldBe(Now + TimeSpan.FromSeconds(121));
    }

    [Fact]
    public void Slots_in_the_past_are_not_handed_out_again_as_a_burst()
    {
        var stale = PacingCursor.Empty.Reserve(Now, 5, 5, out _);

        stale.Reserve(Now + TimeSpan.FromMinutes(10), 5, 1, out var first);

        first.ShouldBe(Now + TimeSpan.FromMinutes(10), "time that passed unused is not saved up");
    }

    [Fact]
    public void A_pause_pushes_every_new_slot_past_it_and_an_earlier_pause_changes_nothing()
    {
        var paused = PacingCursor.Empty.PauseUntil(Now + TimeSpan.FromMinutes(5));

        paused.PauseUntil(Now + TimeSpan.FromMinutes(1)).ShouldBe(paused);
        paused.Reserve(Now, 5, 1, out var first);
        first.ShouldBe(Now + TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void No_count_or_rate_that_is_not_positive_is_accepted()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => PacingCursor.Empty.Reserve(Now, 5, 0, out _));
        Should.Throw<ArgumentOutOfRangeException>(() => PacingCursor.Interval(0));
    }
}
