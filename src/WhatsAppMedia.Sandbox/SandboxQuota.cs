namespace WhatsAppMedia.Sandbox;

/// <summary>
/// A provider account's request quota as a token bucket: <see cref="Burst"/> tokens to start with, refilled at
/// <see cref="RequestsPerSecond"/>; a request that finds no token is refused in the provider's own throttling shape and
/// not processed. Counts what it admitted and refused, so a test or benchmark can tell how many requests were wasted.
/// </summary>
public sealed class SandboxQuota
{
    private readonly TimeProvider _timeProvider;
    private readonly object _lock = new();
    private double _tokens;
    private long _refilledAt;
    private long _admitted;
    private long _refused;

    public SandboxQuota(double requestsPerSecond, int burst, TimeProvider timeProvider)
    {
        if (!double.IsFinite(requestsPerSecond) || requestsPerSecond <= 0 || requestsPerSecond > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(requestsPerSecond), requestsPerSecond, "A quota's rate is a number greater than 0 and at most 100000.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(burst, 100_000);
        ArgumentNullException.ThrowIfNull(timeProvider);
        RequestsPerSecond = requestsPerSecond;
        Burst = burst;
        _timeProvider = timeProvider;
        _tokens = burst;
        _refilledAt = timeProvider.GetTimestamp();
    }

    public double RequestsPerSecond { get; }

    public int Burst { get; }

    public long Admitted => Interlocked.Read(ref _admitted);

    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Takes one token when there is one (admitted), else counts a refusal.</summary>
    public bool TryAdmit()
    {
        lock (_lock)
        {
            var now = _timeProvider.GetTimestamp();
            _tokens = Math.Min(Burst, _tokens + (_timeProvider.GetElapsedTime(_refilledAt, now).TotalSeconds * RequestsPerSecond));
            _refilledAt = now;
            if (_tokens >= 1)
            {
                _tokens -= 1;
                _admitted++;
                return true;
            }

            _refused++;
            return false;
        }
    }
}
