using System.Globalization;
using System.Runtime.InteropServices;
using WhatsAppMedia.Load;

// Usage: dotnet run -c Release --project bench/WhatsAppMedia.Load [-- --quick] [-- --Some:Setting=value ...]
// Any argument other than --quick is handed to the local host as a configuration override.
const string QuickFlag = "--quick";
var quick = args.Contains(QuickFlag, StringComparer.Ordinal);
var plan = quick ? LoadPlan.Quick : LoadPlan.Full;
var overrides = args.Where(argument => argument != QuickFlag).ToList();

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Load run {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC{(quick ? " (--quick smoke run)" : string.Empty)}: {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}"));
if (overrides.Count > 0)
{
    Console.WriteLine("Host overrides: " + string.Join(' ', overrides));
}

// Each bulk run gets a fresh host and Azurite: Azurite's in-memory queue slows down as messages pile up, and one run's
// leftovers must not be charged to the next. The immediate runs share one host; they do not touch the queue.
var bulk = new List<BulkDeletionResult>();
var immediate = new List<ImmediateDeletionResult>();
foreach (var latency in (TimeSpan[])[TimeSpan.Zero, plan.ProviderLatency])
{
    foreach (var items in plan.BulkSizes)
    {
        await using var bulkHost = await StartWarmHostAsync(overrides);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Bulk: {items:N0} items, provider latency {latency.TotalMilliseconds:0} ms..."));
        bulk.Add(await BulkDeletionScenario.RunAsync(bulkHost, items, latency));
    }
}

await using (var host = await StartWarmHostAsync(overrides))
{
    foreach (var latency in (TimeSpan[])[TimeSpan.Zero, plan.ProviderLatency])
    {
        foreach (var concurrency in plan.Concurrencies)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"DELETE now: {plan.ImmediateRequests:N0} requests at concurrency {concurrency}, provider latency {latency.TotalMilliseconds:0} ms..."));
            immediate.Add(await ImmediateDeletionScenario.RunAsync(host, plan.ImmediateRequests, concurrency, latency));
        }
    }
}

Console.WriteLine();
Console.WriteLine("Bulk deletions through the queue (POST .../media/deletions, then the queue listener):");
Console.WriteLine();
Console.Write(ResultTables.Bulk(bulk));
Console.WriteLine();
Console.WriteLine("Immediate deletions (DELETE .../media/{id}):");
Console.WriteLine();
Console.Write(ResultTables.Immediate(immediate));

// A run where something was not deleted measured the wrong thing; say so through the exit code too.
var faulty = bulk.Any(result => result.Remaining > 0) || immediate.Any(result => result.Failures > 0);
if (faulty)
{
    Console.Error.WriteLine("Some deletions failed: the numbers above do not measure a clean run.");
}

return faulty ? 1 : 0;

static async Task<LoadHost> StartWarmHostAsync(IReadOnlyList<string> overrides)
{
    var host = await LoadHost.StartAsync(overrides);
    Console.Error.WriteLine("Warming up (not reported)...");
    await BulkDeletionScenario.RunAsync(host, LoadPlan.WarmUp.BulkSizes[0], TimeSpan.Zero);
    await ImmediateDeletionScenario.RunAsync(host, LoadPlan.WarmUp.ImmediateRequests, LoadPlan.WarmUp.Concurrencies[0], TimeSpan.Zero);
    return host;
}
