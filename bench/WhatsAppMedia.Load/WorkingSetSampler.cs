using System.Globalization;

namespace WhatsAppMedia.Load;

/// <summary>
/// Samples another process's resident set (<c>VmRSS</c> in <c>/proc/{pid}/status</c>, Linux) every
/// <see cref="Interval"/>, and reads its high-water mark (<c>VmHWM</c>). A bench tool: it polls on a timer because
/// sampling is what it does.
/// </summary>
internal sealed class WorkingSetSampler : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Lock _gate = new();
    private readonly List<long> _window = [];

    public WorkingSetSampler(int pid)
    {
        _pid = pid;
        _loop = Task.Run(SampleAsync);
    }

    /// <summary>Starts a new window: what <see cref="TakeWindow"/> returns is sampled from now on.</summary>
    public void StartWindow()
    {
        lock (_gate)
        {
            _window.Clear();
        }
    }

    /// <summary>The resident bytes sampled since <see cref="StartWindow"/>, oldest first, plus one taken now.</summary>
    public IReadOnlyList<long> TakeWindow()
    {
        var now = Read("VmRSS:");
        lock (_gate)
        {
            _window.Add(now);
            return [.. _window];
        }
    }

    /// <summary>The most the process has ever had resident, in bytes (the kernel's own high-water mark).</summary>
    public long HighWaterMark => Read("VmHWM:");

    public long Current => Read("VmRSS:");

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var sample = Read("VmRSS:");
                lock (_gate)
                {
                    _window.Add(sample);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    /// <summary>A <c>kB</c> line of <c>/proc/{pid}/status</c>, in bytes.</summary>
    private long Read(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{_pid}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                var kilobytes = line[field.Length..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"/proc/{_pid}/status has no {field} line.");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
