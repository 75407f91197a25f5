using System.Diagnostics;

namespace WhatsAppMedia.Load;

/// <summary>
/// CPU time used by this process (the host, the sandbox and the harness share it) and by Azurite's process. On a
/// machine other work shares, wall time says mostly how busy the machine was; CPU time per item says what the work
/// costs, and Azurite's per request bounds what one Node.js thread can serve (1 s of CPU per second at most).
/// </summary>
/// <param name="Process">This process's CPU time (all threads, user and kernel).</param>
/// <param name="Azurite">Azurite's CPU time.</param>
internal readonly record struct CpuUse(TimeSpan Process, TimeSpan Azurite)
{
    public static CpuUse Now(LoadHost host)
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return new CpuUse(self.TotalProcessorTime, host.AzuriteProcessorTime);
    }

    /// <summary>What was used between <paramref name="start"/> and now.</summary>
    public static CpuUse Since(LoadHost host, CpuUse start)
    {
        var now = Now(host);
        return new CpuUse(now.Process - start.Process, now.Azurite - start.Azurite);
    }

    /// <summary>Milliseconds of CPU per item, this process's then Azurite's, e.g. <c>0.41 / 0.62</c>.</summary>
    public string PerItem(int items) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Process.TotalMilliseconds / items:0.00} / {Azurite.TotalMilliseconds / items:0.00}");
}
