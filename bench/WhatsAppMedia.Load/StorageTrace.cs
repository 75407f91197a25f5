using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace WhatsAppMedia.Load;

/// <summary>
/// Where a scenario's time goes, measured rather than guessed: every outgoing HTTP request of this process (the host's
/// Azure SDK clients, its provider calls, the harness's own) is an activity of .NET's <c>System.Net.Http</c>
/// ActivitySource, with its start and duration. Requests are grouped by what they are (Put Message, Get Messages,
/// Delete Message, a table transaction, a provider delete, …) over a window, and printed as a markdown table: how
/// many, from when to when in the window, and their latency. The harness and the host share one process, so nothing
/// in the host has to change to be traced.
/// </summary>
/// <remarks>
/// The activity (<c>System.Net.Http.HttpRequestOut</c>, tags <c>http.request.method</c> and <c>url.full</c>) is created
/// by HttpClient's DiagnosticsHandler only while a listener exists, so the host pays for it only during a traced run.
/// </remarks>
internal sealed class StorageTrace : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Call> _calls = new();
    private readonly long _windowStart;
    private readonly DateTime _windowStartUtc;

    private StorageTrace()
    {
        _windowStart = Stopwatch.GetTimestamp();
        _windowStartUtc = DateTime.UtcNow;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity => _calls.Enqueue(new Call(
                Kind(activity.GetTagItem("http.request.method") as string, activity.GetTagItem("url.full") as string),
                activity.StartTimeUtc - _windowStartUtc,
                activity.Duration)),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Starts recording now; the window's zero is this moment.</summary>
    public static StorageTrace Start() => new();

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_windowStart);

    /// <summary>
    /// One row per kind of request: count, first start and last end in the window, latency p50/p99/max, the most in
    /// flight at once, and the average in flight between its first start and last end.
    /// </summary>
    public string Table()
    {
        var calls = _calls.ToArray();
        var table = new StringBuilder()
            .AppendLine("| request | count | first start (ms) | last end (ms) | p50 / p99 / max (ms) | most in flight | average in flight |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var group in calls.GroupBy(call => call.Kind).OrderBy(group => group.Min(call => call.Start)))
        {
            var durations = group.Select(call => call.Duration.TotalMilliseconds).Order().ToArray();
            var first = group.Min(call => call.Start);
            var last = group.Max(call => call.Start + call.Duration);

            // Little's law over the kind's own span: the time it was busy, divided by that span.
            var averageInFlight = durations.Sum() / Math.Max((last - first).TotalMilliseconds, 1);
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {group.Key} | {group.Count():N0} | {first.TotalMilliseconds:0} | {last.TotalMilliseconds:0} "
                + $"| {Percentile(durations, 50):0.0} / {Percentile(durations, 99):0.0} / {durations[^1]:0.0} | {MostInFlight(group)} | {averageInFlight:0.0} |");
        }

        return table.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private static double Percentile(double[] sorted, int percent) => sorted[Math.Clamp((int)Math.Ceiling(sorted.Length * percent / 100.0) - 1, 0, sorted.Length - 1)];

    private static int MostInFlight(IEnumerable<Call> calls)
    {
        var edges = calls.SelectMany(call => new[] { (At: call.Start, Step: 1), (At: call.Start + call.Duration, Step: -1) })
            .OrderBy(edge => edge.At).ThenBy(edge => edge.Step);
        int current = 0, most = 0;
        foreach (var (_, step) in edges)
        {
            current += step;
            most = Math.Max(most, current);
        }

        return most;
    }

    /// <summary>The Storage REST operation (Queue and Table service APIs) or provider call a request is.</summary>
    private static string Kind(string? method, string? url)
    {
        var path = url is null ? string.Empty : new Uri(url).AbsolutePath;
        return (method, path) switch
        {
            ("POST", _) when path.EndsWith("/messages", StringComparison.Ordinal) => "queue: Put Message",
            ("GET", _) when path.EndsWith("/messages", StringComparison.Ordinal) => "queue: Get Messages",
            ("DELETE", _) when path.Contains("/messages/", StringComparison.Ordinal) => "queue: Delete Message",
            ("PUT", _) when path.Contains("/messages/", StringComparison.Ordinal) => "queue: Update Message",
            ("POST", _) when path.EndsWith("/$batch", StringComparison.Ordinal) => "table: entity group transaction",
            ("GET", _) when path.Contains("(PartitionKey=", StringComparison.Ordinal) => "table: Get Entity",
            ("PUT", _) when path.Contains("(PartitionKey=", StringComparison.Ordinal) => "table: Update/Upsert Entity",
            ("DELETE", _) when path.Contains("(PartitionKey=", StringComparison.Ordinal) => "table: Delete Entity",
            ("GET", _) when path.Contains("mediadeletionbatches", StringComparison.Ordinal) || path.Contains("mediadeletionschedule", StringComparison.Ordinal) => "table: Query Entities",
            ("POST", _) when path.EndsWith("/Tables", StringComparison.Ordinal) => "table: Create Table",
            ("PUT", _) when path.Count(character => character == '/') == 2 => "queue: Create Queue",
            (_, _) when path.Contains("/meta/", StringComparison.Ordinal) => $"provider: {method} meta",
            ("GET", _) when path.Count(character => character == '/') == 2 => "queue: Get Queue Properties (harness progress)",
            _ => $"other: {method} {path}",
        };
    }

    private sealed record Call(string Kind, TimeSpan Start, TimeSpan Duration);
}
