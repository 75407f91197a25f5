using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace WhatsAppMedia.Load;

/// <summary>
/// Downloads one file through the service's <c>/content</c> route (docs/api.md, "Retrieval and download") or, as the baseline, straight from
/// the sandbox, while <see cref="WorkingSetSampler"/> watches the host process. The harness reads the body a buffer
/// at a time and keeps only a running SHA-256, so the harness's own memory never enters the figure, and it checks
/// every byte arrived as the sandbox declared them.
/// </summary>
internal static class DownloadScenario
{
    public const string Tenant = "demo-meta";

    /// <summary>How long the host is left alone before a download to read its idle resident set.</summary>
    private static readonly TimeSpan QuietSpell = TimeSpan.FromSeconds(2);

    private const int ReadBufferSize = 1024 * 1024;

    /// <summary>Makes a file of <paramref name="bytes"/> in the sandbox through its control API; returns its id and SHA-256.</summary>
    public static async Task<(string MediaId, string Sha256)> CreateMediaAsync(DevHostProcess host, long bytes, string mimeType, int seed)
    {
        using var response = await host.SandboxHttp.PostAsync($"/_sandbox/meta/media?bytes={bytes}&mimeType={Uri.EscapeDataString(mimeType)}&seed={seed}", null);
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("mediaId").GetString()!, created.GetProperty("sha256").GetString()!);
    }

    public static async Task<DownloadResult> RunAsync(DevHostProcess host, WorkingSetSampler sampler, DownloadTarget target, string mediaId, string sha256)
    {
        sampler.StartWindow();
        await Task.Delay(QuietSpell);
        var idle = Median(sampler.TakeWindow());

        sampler.StartWindow();
        var started = Stopwatch.GetTimestamp();
        var (status, bytes, hash) = target == DownloadTarget.Service
            ? await ReadAsync(host.Http, ServiceRequest(mediaId))
            : await ReadAsync(host.SandboxHttp, await SandboxRequestAsync(host, mediaId));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var peak = sampler.TakeWindow().Max();
        return new DownloadResult(target, status, bytes, status == 200 && hash == sha256, elapsed, idle, peak);
    }

    private static HttpRequestMessage ServiceRequest(string mediaId)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/tenants/{Tenant}/media/{Uri.EscapeDataString(mediaId)}/content");
        request.Headers.Add("X-Api-Key", LoadHost.DemoApiKey);
        return request;
    }

    /// <summary>What the service does for Meta: the metadata GET with the tenant's token, then the URL it names.</summary>
    private static async Task<HttpRequestMessage> SandboxRequestAsync(DevHostProcess host, string mediaId)
    {
        using var metadataRequest = new HttpRequestMessage(HttpMethod.Get, $"/meta/v23.0/{Uri.EscapeDataString(mediaId)}");
        metadataRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", LoadHost.DemoMetaAccessToken);
        using var metadata = await host.SandboxHttp.SendAsync(metadataRequest);
        metadata.EnsureSuccessStatusCode();
        var url = (await metadata.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", LoadHost.DemoMetaAccessToken);
        return request;
    }

    private static async Task<(int Status, long Bytes, string Sha256)> ReadAsync(HttpClient http, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[ReadBufferSize];
            long bytes = 0;
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync();
                int read;
                while ((read = await body.ReadAsync(buffer)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    bytes += read;
                }
            }
            catch (Exception exception) when (exception is IOException or HttpRequestException)
            {
                // A body cut short: the run reports what arrived, and is not complete.
                Console.Error.WriteLine($"  download ended early after {bytes:N0} bytes: {exception.Message}");
            }

            return ((int)response.StatusCode, bytes, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
    }

    private static long Median(IReadOnlyList<long> samples)
    {
        var sorted = samples.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
