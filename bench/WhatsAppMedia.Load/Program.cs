using System.Globalization;
using System.Runtime.InteropServices;
using WhatsAppMedia.Load;

// Usage: dotnet run -c Release --project bench/WhatsAppMedia.Load [-- --quick] [-- --only=drain|bulk|delete] [-- --Some:Setting=value ...]
// Any other argument is handed to the local host as a configuration override.
// dotnet run -c Release --project bench/WhatsAppMedia.Load -- --download [runs]: the 100 MiB download alone (its own host process).
// dotnet run -c Release --project bench/WhatsAppMedia.Load -- --quota [--quick] [--paced]: one tenant's quota shared by 1-3 hosts
// (--paced: only the runs with a budget, leaving out the unpaced baseline runs).
// dotnet run -c Release --project bench/WhatsAppMedia.Load -- --schedule [items] [sweepers]: the schedule sweep.
// dotnet run -c Release --project bench/WhatsAppMedia.Load -- --receipts [receipts]: appending, exporting and verifying receipts.
const string QuickFlag = "--quick";
const string PacedFlag = "--paced";
const string DownloadFlag = "--download";
const string QuotaFlag = "--quota";
const string ScheduleFlag = "--schedule";
const string ReceiptsFlag = "--receipts";
if (args.FirstOrDefault() == ReceiptsFlag)
{
    return await ReceiptBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5_000);
}

if (args.FirstOrDefault() == ScheduleFlag)
{
    // --schedule [items] [sweepers]: the schedule sweep with every item already due (ScheduleSweepBenchmark).
    return await ScheduleSweepBenchmark.RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1);
}

if (args.FirstOrDefault() == DownloadFlag)
{
    return await DownloadBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3);
}

if (args.FirstOrDefault() == QuotaFlag)
{
    return await QuotaBenchmark.RunAsync(args.Contains(QuickFlag, StringComparer.Ordinal), pacedOnly: args.Contains(PacedFlag, StringComparer.Ordinal));
}

// One scenario alone (e.g. while working on one path): --only=drain, --only=bulk or --only=delete.
const string OnlyPrefix = "--only=";
var quick = args.Contains(QuickFlag, StringComparer.Ordinal);
var only = args.FirstOrDefault(argument => argument.StartsWith(OnlyPrefix, StringComparison.Ordinal))?[OnlyPrefix.Length..];
if (only is not (null or "drain" or "bulk" or "delete"))
{
    Console.Error.WriteLine($"Unknown scenario '{only}': --only= takes drain, bulk or delete.");
    return 2;
}

bool Runs(string scenario) => only is null || only == scenario;
var plan = quick ? LoadPlan.Quick : LoadPlan.Full;
var overrides = args.Where(argument => argument != QuickFlag && !argument.StartsWith(OnlyPrefix, StringComparison.Ordinal)).ToList();

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Load run {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC{(quick ? " (--quick smoke run)" : string.Empty)}: {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}"));
if (overrides.Count > 0)
{
    Console.WriteLine("Host overrides: " + string.Join(' ', overrides));
}

// Each queue scenario gets a fresh host and Azurite: Azurite's in-memory queue slows down as messages pile up, and
// one run's leftovers must not be charged to the next. The DELETE-now runs share one host; they do not touch the queue.
DrainResult? drain = null;
if (Runs("drain"))
{
    await using var drainHost = await StartWarmHostAsync(overrides);
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Drain: {plan.DrainMessages:N0} queued messages, provider latency {plan.DrainLatency.TotalMilliseconds:0} ms..."));
    drain = await DrainScenario.RunAsync(drainHost, plan.DrainMessages, plan.DrainLatency, drainHost.InFlightLimit);
}

BulkDeletionResult? bulk = null;
if (Runs("bulk"))
{
    await using var bulkHost = await StartWarmHostAsync(overrides);
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Bulk: {plan.BulkItems:N0} items, no provider latency..."));
    bulk = await BulkDeletionScenario.RunAsync(bulkHost, plan.BulkItems, TimeSpan.Zero);
}

var immediate = new List<ImmediateDeletionResult>();
if (Runs("delete"))
{
    await using var host = await StartWarmHostAsync(overrides);
    foreach (var latency in (TimeSpan[])[TimeSpan.Zero, plan.ProviderLatency])
    {
        foreach (var concurrency in plan.Concurrencies)
        {
            // Baseline and service back to back, so both see the same machine state.
            foreach (var target in (ImmediateDeletionTarget[])[ImmediateDeletionTarget.Sandbox, ImmediateDeletionTarget.Service])
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"DELETE now ({target}): {plan.ImmediateRequests:N0} requests at concurrency {concurrency}, provider latency {latency.TotalMilliseconds:0} ms..."));
                immediate.Add(await ImmediateDeletionScenario.RunAsync(host, target, plan.ImmediateRequests, concurrency, latency));
            }
        }
    }
}

if (drain is not null)
{
    Console.WriteLine();
    Console.WriteLine("Drain of a full queue (messages put on the work queue directly, then the queue trigger):");
    Console.WriteLine();
    Console.Write(ResultTables.Drain([drain]));
    Console.WriteLine();
    Console.WriteLine("Its outgoing requests, from the full queue to the last delete (times from when the queue was full; the messages show about 15 s later):");
    Console.WriteLine();
    Console.Write(drain.Breakdown);
}

if (bulk is not null)
{
    Console.WriteLine();
    Console.WriteLine("Bulk deletions through the queue (POST .../media/deletions, then the queue trigger):");
    Console.WriteLine();
    Console.Write(ResultTables.Bulk([bulk]));
    Console.WriteLine();
    Console.WriteLine("Outgoing requests while the POST ran (times from the POST's start):");
    Console.WriteLine();
    Console.Write(bulk.PostBreakdown);
    Console.WriteLine();
    Console.WriteLine("Outgoing requests from the POST to the last delete:");
    Console.WriteLine();
    Console.Write(bulk.RunBreakdown);
}

if (immediate.Count > 0)
{
    Console.WriteLine();
    Console.WriteLine("Immediate deletions (DELETE .../media/{id}) against the same requests sent straight to the sandbox:");
    Console.WriteLine();
    Console.Write(ResultTables.Immediate(immediate));
}

// A run where something was not deleted measured the wrong thing; say so through the exit code too.
var faulty = drain?.Remaining > 0 || bulk?.Remaining > 0 || immediate.Any(result => result.Failures > 0);
if (faulty)
{
    Console.Error.WriteLine("Some deletions failed: the numbers above do not measure a clean run.");
}

return faulty ? 1 : 0;

static async Task<LoadHost> StartWarmHostAsync(IReadOnlyList<string> overrides)
{
    var host = await LoadHost.StartAsync(overrides);
    Console.Error.WriteLine("Warming up (not reported)...");
    await BulkDeletionScenario.RunAsync(host, LoadPlan.WarmUp.BulkItems, TimeSpan.Zero);
    foreach (var target in (ImmediateDeletionTarget[])[ImmediateDeletionTarget.Sandbox, ImmediateDeletionTarget.Service])
    {
        await ImmediateDeletionScenario.RunAsync(host, target, LoadPlan.WarmUp.ImmediateRequests, LoadPlan.WarmUp.Concurrencies[0], TimeSpan.Zero);
    }

    return host;
}
