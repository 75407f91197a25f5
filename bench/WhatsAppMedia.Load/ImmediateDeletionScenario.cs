using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.Load;

/// <summary>
/// DELETE-now for fresh media ids with a fixed number of requests in flight (closed loop: each worker sends its next
/// request when the last one answered), either through the service or, as the baseline, straight to the sandbox.
/// </summary>
internal static class ImmediateDeletionScenario
{
    public const string Tenant = "demo-meta";

    public static async Task<ImmediateDeletionResult> RunAsync(
        LoadHost host, ImmediateDeletionTarget target, int requests, int concurrency, TimeSpan providerLatency)
    {
        var ids = Enumerable.Range(0, requests).Select(_ => host.Sandbox.CreateMedia(ProviderKind.Meta)).ToArray();
        if (providerLatency > TimeSpan.Zero)
        {
            host.Sandbox.Meta.InjectFault(SandboxFault.Latency(providerLatency), times: requests);
        }

        var http = target == ImmediateDeletionTarget.Service ? host.Http : host.SandboxHttp;
        var metaBase = host.Sandbox.BaseUrlFor(ProviderKind.Meta).AbsoluteUri.TrimEnd('/');
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
                    using var request = target == ImmediateDeletionTarget.Service
                        ? ServiceRequest(ids[index])
                        : SandboxRequest(metaBase, ids[index]);
                    var sent = Stopwatch.GetTimestamp();
                    using var response = await http.SendAsync(request);
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
            return new ImmediateDeletionResult(target, providerLatency, concurrency, requests, failures, elapsed, latencies);
        }
        finally
        {
            host.Sandbox.Meta.ClearFaults();
        }
    }

    private static HttpRequestMessage ServiceRequest(string mediaId)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/tenants/{Tenant}/media/{Uri.EscapeDataString(mediaId)}");
        request.Headers.Add("X-Api-Key", LoadHost.DemoApiKey);
        return request;
    }

    /// <summary>What MetaMediaProvider sends for the demo tenant: the default graph version, the tenant's phone and token.</summary>
    private static HttpRequestMessage SandboxRequest(string metaBase, string mediaId)
    {
        var request = new HttpRequestMessage(
            HttpMethod.Delete,
            $"{metaBase}/v23.0/{Uri.EscapeDataString(mediaId)}?phone_number_id={LoadHost.DemoMetaPhone}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", LoadHost.DemoMetaAccessToken);
        return request;
    }
}
