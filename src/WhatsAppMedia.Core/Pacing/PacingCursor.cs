namespace WhatsAppMedia.Core.Pacing;

/// <summary>
/// One tenant's shared request schedule (docs/pacing.md): the first slot nobody holds yet, and until when the provider
/// asked every instance to wait. Pure arithmetic; <see cref="TablePacingStore"/> keeps it in one table row.
/// </summary>
/// <param name="NextSlotAt">The first free slot; slots before it are held by someone.</param>
/// <param name="PausedUntil">The provider's own ask (<c>Retry-After</c>, Meta's usage headers); no call before it.</param>
internal readonly record struct PacingCursor(DateTimeOffset NextSlotAt, DateTimeOffset PausedUntil)
{
    public static PacingCursor Empty => new(DateTimeOffset.MinValue, DateTimeOffset.MinValue);

    /// <summary>The time between two slots at <paramref name="requestsPerSecond"/>, rounded up so the rate is never exceeded.</summary>
    public static TimeSpan Interval(double requestsPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requestsPerSecond);
        return TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond / requestsPerSecond));
    }

    /// <summary>The first slot a reservation made at <paramref name="now"/> gets: never in the past, never in a pause.</summary>
    public DateTimeOffset FirstFreeSlot(DateTimeOffset now)
    {
        var first = NextSlotAt > now ? NextSlotAt : now;
        return PausedUntil > first ? PausedUntil : first;
    }

    /// <summary>Holds <paramref name="count"/> consecutive slots from <see cref="FirstFreeSlot"/> on.</summary>
    public PacingCursor Reserve(DateTimeOffset now, double requestsPerSecond, int count, out DateTimeOffset firstSlot)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        firstSlot = FirstFreeSlot(now);
        return this with { NextSlotAt = firstSlot + (Interval(requestsPerSecond) * count) };
    }

    /// <summary>No slot before <paramref name="until"/>: a later pause wins, an earlier one changes nothing.</summary>
    public PacingCursor PauseUntil(DateTimeOffset until) => until > PausedUntil ? this with { PausedUntil = until } : this;
}
