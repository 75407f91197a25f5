using System.Globalization;
using System.Text;

namespace WhatsAppMedia.Load;

/// <summary>The harness's results as markdown tables, ready to paste into bench/RESULTS.md.</summary>
internal static class ResultTables
{
    public static string Bulk(IEnumerable<BulkDeletionResult> results)
    {
        var table = new StringBuilder()
            .AppendLine("| provider latency | items | POSTs | POST phase (s) | first POST → last handled (s) | messages/s | left undeleted |")
            .AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var result in results)
        {
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {Latency(result.ProviderLatency)} | {result.Items:N0} | {result.Posts} | {result.PostPhase.TotalSeconds:0.00} | {result.Total.TotalSeconds:0.00} | {result.MessagesPerSecond:N0} | {result.Remaining} |");
        }

        return table.ToString();
    }

    public static string Immediate(IEnumerable<ImmediateDeletionResult> results)
    {
        var table = new StringBuilder()
            .AppendLine("| provider latency | concurrency | requests | non-200 | p50 (ms) | p95 (ms) | p99 (ms) | requests/s |")
            .AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var result in results)
        {
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {Latency(result.ProviderLatency)} | {result.Concurrency} | {result.Requests:N0} | {result.Failures} | {result.Percentile(50):0.0} | {result.Percentile(95):0.0} | {result.Percentile(99):0.0} | {result.RequestsPerSecond:N0} |");
        }

        return table.ToString();
    }

    private static string Latency(TimeSpan latency) =>
        latency == TimeSpan.Zero ? "none" : string.Create(CultureInfo.InvariantCulture, $"{latency.TotalMilliseconds:0} ms");
}
