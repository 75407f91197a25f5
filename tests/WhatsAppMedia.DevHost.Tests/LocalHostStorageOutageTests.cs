using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>The storage account goes away under a running local host and comes back.</summary>
public class LocalHostStorageOutageTests(LocalEnvironment environment) : IClassFixture<LocalEnvironment>
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task While_storage_is_down_a_batch_is_refused_as_queue_unavailable_and_the_restarted_trigger_carries_on_once_it_is_back()
    {
        await using var host = await environment.StartHostAsync("outage" + Guid.NewGuid().ToString("N")[..12]);
        var mediaId = environment.Sandbox.CreateMedia(ProviderKind.Meta);

        await environment.StopStorageAsync();
        using var refused = await PostBatchAsync(host, mediaId);
        await host.Progress.WaitForEngineRestartsAsync(1).WaitAsync(Guard);
        await environment.StartStorageAgainAsync();
        using var accepted = await PostBatchAsync(host, mediaId);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        await host.Progress.WaitForSettledAsync(1).WaitAsync(Guard);

        refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe("queue_unavailable");
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("sending the batch again is safe");
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        environment.Sandbox.Meta.HasMedia(mediaId).ShouldBeFalse();
    }

    /// <summary>
    /// The host waits for every hosted service's StopAsync whatever its deadline says, so the queue trigger must not wait
    /// past the deadline for an engine restart. The clock never moves here, so the restart's wait of
    /// <c>maxPollingInterval</c> never ends: a stop that waited for it would never return.
    /// </summary>
    [Fact]
    public async Task Stopped_past_its_deadline_while_the_trigger_waits_to_restart_the_engine_it_returns_without_waiting_for_the_restart()
    {
        var logs = new RecordedLogs();
        var host = await environment.StartHostAsync("outage" + Guid.NewGuid().ToString("N")[..12], builder =>
        {
            builder.Logging.AddProvider(logs);
            builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        });
        await environment.StopStorageAsync();
        try
        {
            await logs.WaitForAsync(entry => entry.Message.StartsWith("Queue trigger: the engine failed", StringComparison.Ordinal)).WaitAsync(Guard);

            await host.StopAsync(new CancellationToken(canceled: true)).WaitAsync(Guard);

            logs.Entries.ShouldContain(entry => entry.Message.Contains("not waiting for the restart", StringComparison.Ordinal));
            host.Progress.EngineRestarts.ShouldBe(0);
        }
        finally
        {
            await environment.StartStorageAgainAsync();
            await host.DisposeAsync();
        }
    }

    private static Task<HttpResponseMessage> PostBatchAsync(LocalHost host, string mediaId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/tenants/demo-meta/media/deletions")
        {
            Content = JsonContent.Create(new { items = new[] { new { mediaId } } }),
        };
        request.Headers.Add("X-Api-Key", LocalHost.DemoApiKey);
        return host.Http.SendAsync(request);
    }
}
