using System.Globalization;
using System.Runtime.InteropServices;

namespace WhatsAppMedia.Load;

/// <summary>
/// <c>--download</c>: a 100 MiB file (104,857,600 bytes, the default <c>Providers__Meta__MaxDownloadBytes</c> and
/// WhatsApp's largest document) through the local host's <c>/content</c> route, each run beside the same file straight
/// from the sandbox, with the host process's resident set sampled every 50 ms. The contract: peak within 64 MiB of idle.
/// </summary>
internal static class DownloadBenchmark
{
    public const long FileBytes = 104_857_600;

    public const long AllowedGrowthBytes = 64L * 1024 * 1024;

    public static async Task<int> RunAsync(int runs)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Download run {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC: {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}; load average {LoadAverage()}"));
        Console.Error.WriteLine("Starting Azurite and the local host (its own process, sandbox inside)...");
        await using var host = await DevHostProcess.StartAsync();
        await using var sampler = new WorkingSetSampler(host.ProcessId);

        Console.Error.WriteLine("Warming up (not reported): 4 MiB through both paths, three times...");
        var (warmId, warmSha) = await DownloadScenario.CreateMediaAsync(host, 4 * 1024 * 1024, "application/pdf", seed: 1);
        for (var i = 0; i < 3; i++)
        {
            await DownloadScenario.RunAsync(host, sampler, DownloadTarget.Sandbox, warmId, warmSha);
            await DownloadScenario.RunAsync(host, sampler, DownloadTarget.Service, warmId, warmSha);
        }

        Console.Error.WriteLine("Making the 100 MiB file (the sandbox hashes it once, streaming)...");
        var (mediaId, sha256) = await DownloadScenario.CreateMediaAsync(host, FileBytes, "application/pdf", seed: 2);
        var results = new List<DownloadResult>();
        for (var run = 1; run <= runs; run++)
        {
            foreach (var target in (DownloadTarget[])[DownloadTarget.Sandbox, DownloadTarget.Service])
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Run {run} of {runs}: {target}..."));
                results.Add(await DownloadScenario.RunAsync(host, sampler, target, mediaId, sha256));
            }
        }

        Console.WriteLine();
        Console.WriteLine("100 MiB download (GET …/media/{id}/content) and the same file straight from the sandbox, host process memory sampled every 50 ms:");
        Console.WriteLine();
        Console.Write(ResultTables.Download(results));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Host process VmHWM (peak since it started, start-up included): {sampler.HighWaterMark / DownloadResult.Mebibyte:0.0} MiB; load average after: {LoadAverage()}"));

        var service = results.Where(result => result.Target == DownloadTarget.Service).ToList();
        var incomplete = results.Any(result => !result.Complete);
        var overLimit = service.Any(result => result.GrowthBytes > AllowedGrowthBytes);
        if (incomplete)
        {
            Console.Error.WriteLine("A download did not complete as declared: the numbers above do not measure a clean run.");
        }

        if (overLimit)
        {
            Console.Error.WriteLine("The host's peak went more than 64 MiB over its idle working set.");
        }

        return incomplete || overLimit ? 1 : 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
