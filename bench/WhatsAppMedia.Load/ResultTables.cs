using System.Globalization;
using System.Text;

namespace WhatsAppMedia.Load;

/// <summary>The harness's results as markdown tables, ready to paste into bench/RESULTS.md.</summary>
internal static class ResultTables
{
    public static string Drain(IEnumerable<DrainResult> results)
    {
        var table = new StringBuilder()
            .AppendLine("| provider latency | messages | in-flight limit | first → last delete (s) | messages/s | limit (messages/s) | ratio | CPU per message, process / Azurite (ms) | left undeleted |")
            .AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var result in results)
        {
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {Latency(result.ProviderLatency)} | {result.Messages:N0} | {result.InFlightLimit} | {result.Elapsed.TotalSeconds:0.00} | {result.MessagesPerSecond:N0} | {result.LimitPerSecond:N0} | {result.Ratio:0.00} | {result.Cpu.PerItem(result.Messages)} | {result.Remaining} |");
        }

        return table.ToString();
    }

    public static string Quota(IEnumerable<QuotaResult> results)
    {
        var table = new StringBuilder()
            .AppendLine("| provider | hosts | items | account quota (rps) | tenant budget (rps) | latency | ideal (s) | drain (s) | ideal ÷ drain | deleted | provider requests | refused | failed |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var result in results)
        {
            var run = result.Run;
            var budget = run.Budget is { } rate ? rate.ToString("0.##", CultureInfo.InvariantCulture) : "none";
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {run.Provider} | {run.Hosts} | {run.Items:N0} | {run.QuotaPerSecond:0.##} | {budget} | {Latency(run.Latency)} | {run.Ideal.TotalSeconds:0.0} | {(result.Finished ? string.Empty : "> ")}{result.Elapsed.TotalSeconds:0.0} | {(result.Finished ? string.Empty : "< ")}{result.Ratio:0.00} | {result.Deleted:N0} | {result.Admitted + result.Refused:N0} | {result.Refused:N0} ({result.RefusedShare:P1}) | {result.Failed:N0} |");
        }

        return table.ToString();
    }

    public static string Bulk(IEnumerable<BulkDeletionResult> results)
    {
        var table = new StringBuilder()
            .AppendLine("| provider latency | items | POSTs | POST alone (s) | CPU per item in the POST, process / Azurite (ms) | the same rows straight to Azurite (s) | their CPU per item, process / Azurite (ms) | the same puts straight to Azurite (s) | CPU per put, process / Azurite (ms) | first POST → last delete (s) | messages/s | left undeleted |")
            .AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var result in results)
        {
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {Latency(result.ProviderLatency)} | {result.Items:N0} | {result.Posts} | {result.PostPhase.TotalSeconds:0.00} | {result.PostCpu.PerItem(result.Items)} | {result.RowsFloor.TotalSeconds:0.00} | {result.RowsFloorCpu.PerItem(result.Items)} | {result.PutFloor.TotalSeconds:0.00} | {result.PutFloorCpu.PerItem(result.Items)} | {result.Total.TotalSeconds:0.00} | {result.MessagesPerSecond:N0} | {result.Remaining} |");
        }

        return table.ToString();
    }

    /// <summary>Each service run beside its baseline run (same latency and concurrency, straight to the sandbox).</summary>
    public static string Immediate(IReadOnlyList<ImmediateDeletionResult> results)
    {
        var table = new StringBuilder()
            .AppendLine("| provider latency | concurrency | requests | non-200 | service p50 / p99 (ms) | sandbox alone p50 / p99 (ms) | overhead p50 / p99 (ms) | service req/s | sandbox alone req/s | throughput ratio |")
            .AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var service in results.Where(result => result.Target == ImmediateDeletionTarget.Service))
        {
            var baseline = results.Single(result => result.Target == ImmediateDeletionTarget.Sandbox
                && result.ProviderLatency == service.ProviderLatency && result.Concurrency == service.Concurrency);
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {Latency(service.ProviderLatency)} | {service.Concurrency} | {service.Requests:N0} | {service.Failures + baseline.Failures} "
                + $"| {service.Percentile(50):0.0} / {service.Percentile(99):0.0} | {baseline.Percentile(50):0.0} / {baseline.Percentile(99):0.0} "
                + $"| {service.Percentile(50) - baseline.Percentile(50):0.0} / {service.Percentile(99) - baseline.Percentile(99):0.0} "
                + $"| {service.RequestsPerSecond:N0} | {baseline.RequestsPerSecond:N0} | {service.RequestsPerSecond / baseline.RequestsPerSecond:0.00} |");
        }

        return table.ToString();
    }

    private static string Latency(TimeSpan latency) =>
        latency == TimeSpan.Zero ? "none" : string.Create(CultureInfo.InvariantCulture, $"{latency.TotalMilliseconds:0} ms");

    /// <summary>Each download with the host's memory around it; the contract allows the peak 64 MiB over idle.</summary>
    public static string Download(IEnumerable<DownloadResult> results)
    {
        var table = new StringBuilder()
            .AppendLine("| path | status | MiB | complete | seconds | MiB/s | host idle VmRSS (MiB) | host peak VmRSS (MiB) | peak − idle (MiB) |")
            .AppendLine("|---|---:|---:|---|---:|---:|---:|---:|---:|");
        foreach (var result in results)
        {
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {(result.Target == DownloadTarget.Service ? "service /content" : "sandbox alone")} | {result.Status} | {result.Bytes / DownloadResult.Mebibyte:0.0} | {(result.Complete ? "yes" : "NO")} "
                + $"| {result.Elapsed.TotalSeconds:0.00} | {result.MebibytesPerSecond:0} | {result.IdleBytes / DownloadResult.Mebibyte:0.0} | {result.PeakBytes / DownloadResult.Mebibyte:0.0} | {result.GrowthBytes / DownloadResult.Mebibyte:0.0} |");
        }

        return table.ToString();
    }
}
