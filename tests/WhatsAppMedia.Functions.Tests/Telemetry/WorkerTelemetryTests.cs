using System.Net;
using System.Text.Json;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Functions.Tests.Host;

namespace WhatsAppMedia.Functions.Tests.Telemetry;

/// <summary>
/// The worker's telemetry, proven on the wire: a worker started with the app settings a deployment has
/// (<c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>, <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> naming a user-assigned
/// identity, App Service's identity endpoint variables) exports to a local stand-in of Application Insights, signed in
/// with the managed identity's token. The worker is stopped as the host stops it, which flushes every exporter, and
/// then what arrived is read.
/// </summary>
/// <remarks>
/// xunit makes a new instance of this class per test, so the one worker run is shared through <see cref="CaptureAsync"/>.
/// </remarks>
[Collection(WorkerCollection.Name)]
public sealed class WorkerTelemetryTests(WorkerFixture worker)
{
    private const string ClientId = "1b4a7e0c-58f3-4d0e-9a51-2c3d4e5f6a7b";

    private static readonly (string Tenant, ProviderKind Kind)[] Deletions = [.. ProviderSandbox.Providers.Select(kind => (kind.DemoTenant(), kind))];

    private static readonly SemaphoreSlim CaptureOnce = new(1, 1);
    private static Capture? _capture;

    [Fact]
    public async Task Telemetry_is_sent_with_the_managed_identitys_token_for_the_configured_client_id()
    {
        var capture = await CaptureAsync();
        capture.Tracks.ShouldNotBeEmpty();
        capture.Tracks.ShouldAllBe(track => track.Authorization == "Bearer " + ApplicationInsightsStandIn.AccessToken);
        capture.Tokens.ShouldNotBeEmpty();
        capture.Tokens.ShouldAllBe(token => token.ClientId == ClientId && token.IdentityHeader == ApplicationInsightsStandIn.IdentityHeader);
    }

    [Fact]
    public async Task Each_provider_call_is_traced_as_an_http_dependency()
    {
        // HTTP dependencies carry the URL in "data", with the query's values redacted by .NET ("?*").
        var urls = ItemsOfType(await CaptureAsync(), "RemoteDependencyData")
            .Where(dependency => dependency.GetProperty("type").GetString() == "Http")
            .Select(dependency => dependency.GetProperty("data").GetString()!)
            .ToArray();
        foreach (var (_, kind) in Deletions)
        {
            var target = worker.Sandbox.BaseUrlFor(kind).AbsolutePath;
            urls.ShouldContain(
                url => url.Contains(target, StringComparison.Ordinal),
                $"a traced call to the {kind} sandbox ({target})");
        }
    }

    [Fact]
    public async Task Deletions_are_counted_by_provider_and_outcome()
    {
        var counted = ItemsOfType(await CaptureAsync(), "MetricData")
            .SelectMany(metric => metric.GetProperty("metrics").EnumerateArray().Select(point => (Point: point, Metric: metric)))
            .Where(metric => metric.Point.GetProperty("name").GetString() == "whatsapp_media.deletions")
            .Select(metric => (metric.Point, Properties: metric.Metric.GetProperty("properties")))
            .Select(metric => (Provider: metric.Properties.GetProperty("provider").GetString(), Outcome: metric.Properties.GetProperty("outcome").GetString(), Value: metric.Point.GetProperty("value").GetDouble()))
            .ToArray();

        foreach (var (_, kind) in Deletions)
        {
            counted.ShouldContain(metric => metric.Provider == kind.ToName() && metric.Outcome == "deleted" && metric.Value >= 1);
        }
    }

    [Fact]
    public async Task The_workers_own_logs_are_exported()
    {
        ItemsOfType(await CaptureAsync(), "MessageData").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task No_credential_token_or_api_key_appears_in_any_item()
    {
        var everything = string.Join('\n', (await CaptureAsync()).Tracks.Select(track => track.Body));
        everything.ShouldNotBeEmpty();
        string[] secrets =
        [
            WorkerFixture.DemoApiKey,
            "EAASandboxMetaAccessToken0001",
            "sandbox/Secret/Access/Key/000000000000000",
            "sandboxnxaccesssecret",
            "sandboxgcapikey0001",
            "sandboxsgcapikey0001",
            ApplicationInsightsStandIn.AccessToken,
            ApplicationInsightsStandIn.IdentityHeader,
        ];
        foreach (var secret in secrets)
        {
            everything.ShouldNotContain(secret, Case.Insensitive);
        }
    }

    /// <summary>
    /// Runs a telemetry-enabled worker once: one deletion per provider over HTTP, then the host's stop, which flushes
    /// every exporter before the process exits; returns what the stand-in received.
    /// </summary>
    private async Task<Capture> CaptureAsync()
    {
        await CaptureOnce.WaitAsync();
        try
        {
            return _capture ??= await RunAsync();
        }
        finally
        {
            CaptureOnce.Release();
        }
    }

    private async Task<Capture> RunAsync()
    {
        await using var standIn = await ApplicationInsightsStandIn.StartAsync();
        var certificateFile = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(certificateFile, standIn.CertificatePem());
            var settings = worker.AppSettings();
            settings["APPLICATIONINSIGHTS_CONNECTION_STRING"] =
                $"InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint={standIn.BaseUri};LiveEndpoint={standIn.BaseUri}";
            settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = $"Authorization=AAD;ClientId={ClientId}";
            // What App Service and Functions give the process for its managed identity (MSAL's App Service source).
            settings["IDENTITY_ENDPOINT"] = new Uri(standIn.BaseUri, "msi/token").ToString();
            settings["IDENTITY_HEADER"] = ApplicationInsightsStandIn.IdentityHeader;
            // The stand-in's throw-away certificate is the only one this worker trusts (OpenSSL's trust file on Linux).
            settings["SSL_CERT_FILE"] = certificateFile;
            // The exporter's own usage reporting goes to a fixed Microsoft endpoint; nothing of the app's is in it.
            settings["APPLICATIONINSIGHTS_STATSBEAT_DISABLED"] = "true";

            using var guard = new CancellationTokenSource(WorkerFixture.Guard);
            var host = await TestFunctionsHost.StartAsync(settings, guard.Token);
            try
            {
                using var http = host.CreateClient();
                foreach (var (tenant, kind) in Deletions)
                {
                    var mediaId = worker.Sandbox.CreateMedia(kind);
                    using var request = new HttpRequestMessage(HttpMethod.Delete, $"api/tenants/{tenant}/media/{mediaId}");
                    request.Headers.Add("X-Api-Key", WorkerFixture.DemoApiKey);
                    using var response = await http.SendAsync(request, guard.Token);
                    response.StatusCode.ShouldBe(HttpStatusCode.OK);
                }
            }
            finally
            {
                // WorkerTerminate: the worker stops its host, which flushes the exporters before the process exits.
                await host.DisposeAsync();
            }

            return new Capture([.. standIn.Tracks], [.. standIn.Tokens], [.. standIn.Items]);
        }
        finally
        {
            File.Delete(certificateFile);
        }
    }

    private static IEnumerable<JsonElement> ItemsOfType(Capture capture, string baseType) =>
        capture.Items.Where(item => item.GetProperty("data").GetProperty("baseType").GetString() == baseType)
            .Select(item => item.GetProperty("data").GetProperty("baseData"));

    private sealed record Capture(
        ApplicationInsightsStandIn.TrackRequest[] Tracks,
        ApplicationInsightsStandIn.TokenRequest[] Tokens,
        JsonElement[] Items);
}
