using System.Net;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>
/// Every request the service sends to a provider, over its real port, carries exactly one User-Agent naming the product
/// and its version: Graph metadata calls, the download, and deletions on every provider, across more than 100
/// provider calls (a client that added the header per call would stack a second copy by the second call).
/// </summary>
public class LocalHostUserAgentTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private const int Rounds = 17;
    private static readonly IReadOnlyList<ProviderKind> Providers = ProviderSandbox.Providers;

    [Fact]
    public async Task Every_provider_request_carries_exactly_one_product_user_agent()
    {
        var expected = $"{ProductUserAgent.ProductName}/{ProductUserAgent.Version}";
        var before = Providers.ToDictionary(kind => kind, kind => host.Sandbox.State(kind).Requests.Count);
        for (var round = 0; round < Rounds; round++)
        {
            var download = host.Sandbox.CreateMedia(ProviderKind.Meta);
            using (var content = await SendAsync(HttpMethod.Get, $"/api/tenants/demo-meta/media/{download}/content"))
            {
                content.StatusCode.ShouldBe(HttpStatusCode.OK, await content.Content.ReadAsStringAsync());
            }

            foreach (var kind in Providers)
            {
                using var deleted = await SendAsync(HttpMethod.Delete, $"/api/tenants/{kind.DemoTenant()}/media/{host.Sandbox.CreateMedia(kind)}");
                deleted.StatusCode.ShouldBe(HttpStatusCode.OK, await deleted.Content.ReadAsStringAsync());
            }
        }

        var sent = Providers.SelectMany(kind => host.Sandbox.State(kind).Requests.Skip(before[kind])).ToList();
        sent.Count.ShouldBeGreaterThanOrEqualTo(100);
        sent.ShouldAllBe(request => request.HeaderCount("User-Agent") == 1);
        sent.ShouldAllBe(request => request.Header("User-Agent") == expected);
        sent.Count(request => request.Path.Contains("lookaside", StringComparison.Ordinal)).ShouldBe(Rounds, "each round downloads once");
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", LocalHost.DemoApiKey);
        return host.Http.SendAsync(request);
    }
}
