using System.Globalization;
using System.Runtime.InteropServices;

namespace WhatsAppMedia.Load;

/// <summary>
/// The shared-quota runs for RESULTS.md: for each host count and load, the job without a tenant budget (the hosts only
/// react to refusals) and with one equal to the account's quota, back to back; then one host at AWS's default budget.
/// </summary>
internal static class QuotaBenchmark
{
    /// <param name="pacedOnly">Leaves out the runs without a budget (the reaction-only baseline).</param>
    public static async Task<int> RunAsync(bool quick, bool pacedOnly)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Quota run {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC{(quick ? " (--quick smoke run)" : string.Empty)}: {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}"));
        var latency = TimeSpan.FromMilliseconds(50);
        (int Items, double Rate)[] loads = quick ? [(100, 20)] : [(600, 5), (2_000, 50)];
        int[] hostCounts = quick ? [1, 2] : [1, 2, 3];
        var runs = new List<(QuotaRun Run, bool Traced)>();
        foreach (var (items, rate) in loads)
        {
            foreach (var hosts in hostCounts)
            {
                if (!pacedOnly)
                {
                    runs.Add((new QuotaRun(ProviderKind.Meta, hosts, items, rate, null, latency), false));
                }

                runs.Add((new QuotaRun(ProviderKind.Meta, hosts, items, rate, rate, latency), false));
            }
        }

        // AWS's own default budget (100 rps, its documented account quota) on one host with a slower provider.
        runs.Add((new QuotaRun(ProviderKind.Aws, 1, quick ? 200 : 2_000, 100, null, TimeSpan.FromMilliseconds(100)), true));

        var results = new List<QuotaResult>();
        foreach (var (run, traced) in runs)
        {
            Console.Error.WriteLine($"{run}...");
            var result = await QuotaScenario.RunAsync(run, traced);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {result.Elapsed.TotalSeconds:0.0}s, ratio {result.Ratio:0.00}, refused {result.RefusedShare:P1}, failed {result.Failed}; rescheduled: {result.Reschedules}; slot lateness: {result.Lateness}"));
            results.Add(result);
        }

        Console.WriteLine();
        Console.Write(ResultTables.Quota(results));
        Console.WriteLine();
        Console.WriteLine("Paced messages against their slots:");
        Console.WriteLine();
        foreach (var result in results.Where(result => result.Run.Budget is not null || result.Run.Provider == ProviderKind.Aws))
        {
            Console.WriteLine($"- {result.Run}: rescheduled {result.Reschedules}; {result.Lateness}");
        }
        foreach (var result in results.Where(result => result.Breakdown is not null))
        {
            Console.WriteLine();
            Console.WriteLine($"Outgoing requests of {result.Run.Provider}, {result.Run.Hosts} host, {result.Run.Items:N0} items (times from the first POST):");
            Console.WriteLine();
            Console.Write(result.Breakdown);
        }

        // A paced run (a budget set, or AWS's default) that left items undeleted measured a broken service.
        return results.Any(result => result.Deleted < result.Run.Items && (result.Run.Budget is not null || result.Run.Provider == ProviderKind.Aws)) ? 1 : 0;
    }
}
