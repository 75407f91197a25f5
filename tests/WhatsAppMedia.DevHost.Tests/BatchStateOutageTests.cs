using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Queues;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Queues;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>Table storage (batch state) unreachable while the queues work: a batch is refused and nothing is queued.</summary>
public class BatchStateOutageTests(LocalEnvironment environment) : IClassFixture<LocalEnvironment>
{
    [Fact]
    public async Task A_batch_that_cannot_be_recorded_is_refused_as_queue_unavailable_and_nothing_is_queued()
    {
        var queue = "tabledown" + Guid.NewGuid().ToString("N")[..12];
        var queueEndpoint = new QueueServiceClient(environment.StorageConnectionString).Uri;

        // The same queues, but a table endpoint where nothing listens.
        var storage = DevelopmentStorage.ConnectionStringFor(queueEndpoint, new Uri("http://127.0.0.1:1/devstoreaccount1"));
        await using var host = await environment.StartHostAsync(queue, $"--AzureWebJobsStorage={storage}");
        var mediaId = environment.Sandbox.CreateMedia(ProviderKind.Meta);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tenants/demo-meta/media/deletions")
        {
            Content = JsonContent.Create(new { items = new[] { new { mediaId } } }),
        };
        request.Headers.Add("X-Api-Key", LocalHost.DemoApiKey);
        using var refused = await host.Http.SendAsync(request);

        refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe("queue_unavailable");
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("nothing was queued");
        var work = new QueueServiceClient(environment.StorageConnectionString).GetQueueClient(queue);
        if ((await work.ExistsAsync()).Value)
        {
            (await work.PeekMessagesAsync(32)).Value.ShouldBeEmpty();
        }

        environment.Sandbox.Meta.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task An_outcome_that_cannot_be_recorded_fails_the_delivery_so_the_message_is_retried_and_never_lost()
    {
        var queue = "tabledown" + Guid.NewGuid().ToString("N")[..12];
        var queueEndpoint = new QueueServiceClient(environment.StorageConnectionString).Uri;
        var storage = DevelopmentStorage.ConnectionStringFor(queueEndpoint, new Uri("http://127.0.0.1:1/devstoreaccount1"));
        await using var host = await environment.StartHostAsync(queue, $"--AzureWebJobsStorage={storage}");
        var mediaId = environment.Sandbox.CreateMedia(ProviderKind.Meta);
        var batchId = Guid.NewGuid().ToString("N");

        await host.QueueNamed(queue).SendAsync(new DeletionMessage("demo-meta", mediaId, BatchId: batchId, ItemIndex: 0).ToJson());
        await host.Progress.WaitForHandledAsync(LocalHost.MaxDequeueCount).WaitAsync(TimeSpan.FromMinutes(3));
        await host.Progress.WaitForSettledAsync(1).WaitAsync(TimeSpan.FromMinutes(1));

        // Every delivery failed on the table write, so the queue kept the message and finally moved it to -poison,
        // where a redrive can bring it back once storage is healthy.
        var poisoned = await host.QueueNamed(queue + "-poison").PeekAsync(32);
        poisoned.ShouldContain(message => message.Text != null && message.Text.Contains(batchId, StringComparison.Ordinal));
    }
}
