using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>Reads a demo tenant's batch status through a local host's port, as a caller would.</summary>
internal static class BatchStatusReader
{
    public static async Task<JsonElement> StatusAsync(LocalHost host, string batchId, string tenant = "demo-meta")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/tenants/{tenant}/media/deletions/{batchId}");
        request.Headers.Add("X-Api-Key", LocalHost.DemoApiKey);
        using var response = await host.Http.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
