using System.Net;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>Reads a tenant's whole receipt export through the port, page by page, as an auditor's script would.</summary>
internal static class ReceiptExportReader
{
    public static async Task<List<string>> ReadAllAsync(HttpClient http, string tenant, int pageSize)
    {
        var lines = new List<string>();
        string? token = null;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/tenants/{tenant}/receipts?limit={pageSize}" + (token is null ? string.Empty : $"&continuationToken={token}"));
            request.Headers.Add("X-Api-Key", LocalHost.DemoApiKey);
            using var response = await http.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/x-ndjson");
            lines.AddRange((await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
            token = response.Headers.TryGetValues("X-Continuation-Token", out var values) ? values.Single() : null;
        }
        while (token is not null);

        return lines;
    }
}
