namespace WhatsAppMedia.Core.Tenants;

/// <summary>
/// A token bucket: <c>burst</c> reads at once, then <c>perSecond</c> sustained. Time comes from the
/// <see cref="TimeProvider"/>, so tests drive it. Not thread-safe: the owner calls it under its lock.
/// </summary>
internal sealed class ReadBudget
{
    private readonly double _perSecond;
    private readonly int _burst;
    private readonly TimeProvider _timeProvider;
    private double _tokens;
    private long _refilledAt;

    public ReadBudget(double perSecond, int burst, TimeProvider timeProvider)
    {
        _perSecond = perSecond;
        _burst = burst;
        _timeProvider = timeProvider;
        _tokens = burst;
        _refilledAt = timeProvider.GetTimestamp();
    }

    public bool TryTake()
    {
        if (!HasToken())
        {
            return false;
        }

        _tokens -= 1;
        return true;
    }

    /// <summary>Whether <see cref="TryTake"/> would succeed now, without taking anything.</summary>
    public bool HasToken()
    {
        // Refilling in several steps gives the same level as refilling once, so checking does not change what TryTake sees.
        var now = _timeProvider.GetTimestamp();
        _tokens = Math.Min(_burst, _tokens + (_timeProvider.GetElapsedTime(_refilledAt, now).TotalSeconds * _perSecond));
        _refilledAt = now;
        return _tokens >= 1;
    }
}
