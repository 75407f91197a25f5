using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Azure.Data.Tables;
using WhatsAppMedia.Core.Receipts;
using WhatsAppMedia.DevHost.Azurite;

namespace WhatsAppMedia.Load;

/// <summary>
/// What receipts cost (docs/receipts.md): one tenant's receipts appended on a fresh Azurite by 1 and by 3 appenders at
/// once (as instances sharing one tenant), each appender writing one receipt after another as a queue consumer does.
/// Reports receipts per second, the time one append takes (p50/p99: what it adds to a deletion), storage requests per
/// receipt counted on the wire, and the rate of exporting the chain page by page and verifying it.
/// </summary>
internal static class ReceiptBenchmark
{
    public static async Task<int> RunAsync(int receipts)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Receipt run {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC: {receipts:N0} receipts per run; {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}"));
        await using var azurite = await AzuriteProcess.StartAsync();
        var tables = new TableServiceClient(azurite.ConnectionString);
        var failed = 0;
        foreach (var appenders in new[] { 1, 3 })
        {
            var tenant = $"bench-{appenders}";
            var stores = Enumerable.Range(0, appenders).Select(_ => new TableReceiptStore(tables)).ToList();
            await stores[0].AppendAsync(Request(tenant, "warm-up"), CancellationToken.None);
            var latencies = new List<double>[appenders];
            var next = 0;
            var clock = Stopwatch.StartNew();
            using (var trace = StorageTrace.Start())
            {
                await Task.WhenAll(Enumerable.Range(0, appenders).Select(async appender =>
                {
                    latencies[appender] = [];
                    int index;
                    while ((index = Interlocked.Increment(ref next)) <= receipts)
                    {
                        var started = Stopwatch.GetTimestamp();
                        await stores[appender].AppendAsync(Request(tenant, $"item-{index}"), CancellationToken.None);
                        latencies[appender].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                }));
                var elapsed = clock.Elapsed;
                var sorted = latencies.SelectMany(list => list).Order().ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"\n{appenders} appender(s): {receipts:N0} receipts in {elapsed.TotalSeconds:0.0} s ({receipts / elapsed.TotalSeconds:0} receipts/s); one append p50 {Percentiles.Of(sorted, 0.50):0.0} ms, p99 {Percentiles.Of(sorted, 0.99):0.0} ms\n"));
                Console.WriteLine(trace.Table());
            }

            var lines = new List<string>(receipts + 1);
            var exporting = Stopwatch.StartNew();
            long after = 0;
            while (true)
            {
                var page = new List<StoredReceipt>();
                await foreach (var receipt in stores[0].ListAsync(tenant, after, ReceiptExportQuery.MaxLimit, null, null, null, CancellationToken.None))
                {
                    page.Add(receipt);
                }

                lines.AddRange(page.Select(receipt => receipt.Line));
                if (page.Count < ReceiptExportQuery.MaxLimit)
                {
                    break;
                }

                after = page[^1].Sequence;
            }

            var exported = exporting.Elapsed;
            var verifying = Stopwatch.StartNew();
            var verification = ReceiptVerifier.Verify(lines);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Export: {lines.Count:N0} receipts in {exported.TotalSeconds:0.00} s ({lines.Count / exported.TotalSeconds:0} receipts/s, pages of {ReceiptExportQuery.MaxLimit:N0}); verify {verifying.Elapsed.TotalMilliseconds:0} ms: {(verification.IsValid ? "valid" : $"line {verification.FailedLine}: {verification.Problem}")}"));
            failed += verification.IsValid && verification.Receipts == receipts + 1 ? 0 : 1;
        }

        return failed == 0 ? 0 : 1;
    }

    private static ReceiptRequest Request(string tenant, string key) => new(
        key, tenant, "meta", "1013859600285441", null, ReceiptRecorder.Queue, "bench", null, null, null, null, TimeProvider.System.GetUtcNow(), "deleted", null, 1, new ReceiptEvidence(200, null));
}
