using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.Load;

/// <summary>
/// Scenario (a), and (c) with provider latency: POST /api/tenants/demo-meta/media/deletions for many fresh media ids,
/// one request per 1,000 items, sent one after another as a client would; the clock stops when the queue listener
/// reports the last message handled.
/// </summary>
internal static class BulkDeletionScenario
{
    public const string Tenant = "demo-meta";

    /// <summary>Only there so a stuck queue ends the run with an error instead of hanging it.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(15);

    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(5);

    public static async Task<BulkDeletionResult> RunAsync(LoadHost host, int items, TimeSpan providerLatency)
    {
        var ids = Enumerable.Range(0, items).Select(_ => host.Sandbox.CreateMedia(ProviderKind.Meta)).ToList();
        if (providerLatency > TimeSpan.Zero)
        {
            host.Sandbox.Meta.InjectFault(SandboxFault.Latency(providerLatency), times: items);
        }

        try
        {
            var handledBefore = host.Progress.Handled;
            var started = Stopwatch.GetTimestamp();
            var posts = 0;
            foreach (var chunk in ids.Chunk(DeletionBatch.MaxItems))
            {
                await PostAsync(host.Http, chunk);
                posts++;
            }

            var postPhase = Stopwatch.GetElapsedTime(started);
            await WaitReportingProgressAsync(host, handledBefore + items);
            var total = Stopwatch.GetElapsedTime(started);

            return new BulkDeletionResult(providerLatency, items, posts, postPhase, total, ids.Count(host.Sandbox.Meta.HasMedia));
        }
        finally
        {
            host.Sandbox.Meta.ClearFaults();
        }
    }

    /// <summary>Waits for the listener, saying every few seconds how far it got, so a stall shows while it happens.</summary>
    private static async Task WaitReportingProgressAsync(LoadHost host, long target)
    {
        var done = host.Progress.WaitForHandledAsync(target).WaitAsync(Guard);
        while (await Task.WhenAny(done, Task.Delay(ReportEvery)) != done)
        {
            var (work, failed, poison) = await host.QueueLengthsAsync();
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  handled {host.Progress.Handled:N0} of {target:N0}; queued {work:N0}, failed {failed:N0}, poison {poison:N0}"));
        }

        await done;
    }

    private static async Task PostAsync(HttpClient http, string[] mediaIds)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tenants/{Tenant}/media/deletions")
        {
            Content = JsonContent.Create(new { items = mediaIds.Select(id => new { mediaId = id }) }),
        };
        request.Headers.Add("X-Api-Key", LoadHost.DemoApiKey);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Accepted
            || JsonDocument.Parse(body).RootElement.GetProperty("accepted").GetInt32() != mediaIds.Length)
        {
            throw new InvalidOperationException($"The bulk POST answered {(int)response.StatusCode}: {body}");
        }
    }
}
