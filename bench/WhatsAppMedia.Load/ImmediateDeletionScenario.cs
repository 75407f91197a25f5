using System.Diagnostics;
using System.Net;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.Load;

/// <summary>
/// Scenario (b), and (c) with provider latency: DELETE /api/tenants/demo-meta/media/{id} for fresh media ids, with a
/// fixed number of requests in flight (closed loop: each worker sends its next request when the last one answered).
/// </summary>
internal static class ImmediateDeletionScenario
{
    public const string Tenant = "demo-meta";

    public static async Task<ImmediateDeletionResult> RunAsync(LoadHost host, int requests, int concurrency, TimeSpan providerLatency)
    {
        var ids = Enumerable.Range(0, requests).Select(_ => host.Sandbox.CreateMedia(ProviderKind.Meta)).ToArray();
        if (providerLatency > TimeSpan.Zero)
        {
            host.Sandbox.Meta.InjectFault(SandboxFault.Latency(providerLatency), times: requests);
        }

        try
        {
            var latencies = new double[requests];
            var failures = 0;
            var next = -1;
            var started = Stopwatch.GetTimestamp();
            var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
            {
                for (var index = Interlocked.Increment(ref next); index < requests; index = Interlocked.Increment(ref next))
                {
                    using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/tenants/{Tenant}/media/{Uri.EscapeDataString(ids[index])}");
                    request.Headers.Add("X-Api-Key", LoadHost.DemoApiKey);
                    var sent = Stopwatch.GetTimestamp();
                    using var response = await host.Http.SendAsync(request);
                    await response.Content.ReadAsByteArrayAsync();
                    latencies[index] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            }));
            await Task.WhenAll(workers);
            var elapsed = Stopwatch.GetElapsedTime(started);

            Array.Sort(latencies);
            return new ImmediateDeletionResult(providerLatency, concurrency, requests, failures, elapsed, latencies);
        }
        finally
        {
            host.Sandbox.Meta.ClearFaults();
        }
    }
}
