using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace WhatsAppMedia.Testing.Time;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports every timer created on it. A test waits for the code under test to
/// arm its next timer, checks the due time, and advances the clock exactly that far: back-off and timeouts are
/// tested without sleeping and without racing the code under test.
/// </summary>
public sealed class TimerWatchingTimeProvider : TimeProvider
{
    private readonly Channel<TimeSpan> _armed = Channel.CreateUnbounded<TimeSpan>();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => Clock.GetUtcNow();

    public override long GetTimestamp() => Clock.GetTimestamp();

    public override long TimestampFrequency => Clock.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Clock.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Clock.CreateTimer(callback, state, dueTime, period);
        _armed.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits until the next timer is armed and returns its due time. Fails the test after a generous guard.</summary>
    public async Task<TimeSpan> NextTimerAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _armed.Reader.ReadAsync(guard.Token);
    }

    /// <summary>Waits for the next timer whose due time is not <paramref name="ignored"/> (for example an attempt timeout).</summary>
    public async Task<TimeSpan> NextTimerOtherThanAsync(TimeSpan ignored)
    {
        while (true)
        {
            var due = await NextTimerAsync();
            if (due != ignored)
            {
                return due;
            }
        }
    }

    public void Advance(TimeSpan by) => Clock.Advance(by);
}
