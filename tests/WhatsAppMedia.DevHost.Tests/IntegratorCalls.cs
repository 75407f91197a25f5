using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WhatsAppMedia.Core.Deletions;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>The calls an integrator makes against a local host: DELETE, the bulk endpoint, a queue message, and what lands in <c>-failed</c>.</summary>
internal sealed class IntegratorCalls(LocalHostFixture host)
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    public Task<HttpResponseMessage> DeleteAsync(string tenant, string mediaId, string? phone = null)
    {
        var query = phone is null ? string.Empty : "?phone=" + Uri.EscapeDataString(phone);
        var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/tenants/{tenant}/media/{Uri.EscapeDataString(mediaId)}{query}");
        request.Headers.Add("X-Api-Key", LocalHostFixture.DemoApiKey);
        return host.Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> QueueBatchAsync(string tenant, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tenants/{tenant}/media/deletions") { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", LocalHostFixture.DemoApiKey);
        return host.Http.SendAsync(request);
    }

    /// <summary>Puts <paramref name="message"/> on the work queue and waits until the listener has settled it.</summary>
    public async Task ProcessAsync(DeletionMessage message)
    {
        var settledBefore = host.Progress.Settled;
        await host.QueueNamed(host.Queue).SendAsync(message.ToJson());
        await host.Progress.WaitForSettledAsync(settledBefore + 1).WaitAsync(Guard);
    }

    /// <summary>The last <c>-failed</c> entry about <paramref name="mediaId"/>, or null (also while nothing has failed and the queue does not exist yet).</summary>
    public async Task<FailedDeletion?> FailedEntryForAsync(string mediaId) =>
        (await host.QueueNamed(host.Queue + "-failed").PeekAsync(32))
            .Select(message => FailedDeletion.FromJson(message.Text!)!)
            .LastOrDefault(entry => entry.Message.Contains(mediaId, StringComparison.Ordinal));

    public static async Task<JsonElement> ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe(code);
        return problem;
    }
}
