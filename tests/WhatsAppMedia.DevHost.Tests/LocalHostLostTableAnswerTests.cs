using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>
/// A batch item's outcome written to the table, its answer lost, the SDK's retry refused with 412 because the row's
/// ETag moved with the write it could not see: the store reads the row again, finds its own outcome recorded, and
/// stops. Through the local host's real port, with the fault in the table client's own pipeline; totals come out exact.
/// </summary>
public class LocalHostLostTableAnswerTests(LocalEnvironment environment) : IClassFixture<LocalEnvironment>
{
    private const int Items = 12;
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Outcomes_whose_answer_was_lost_count_once()
    {
        var policy = new LostTableAnswerPolicy("mediadeletionbatches");
        var options = new TableClientOptions();
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        await using var host = await environment.StartHostAsync(
            $"lost-{Guid.NewGuid():N}"[..24],
            builder => builder.Services.AddSingleton(new TableServiceClient(environment.StorageConnectionString, options)));
        var ids = Enumerable.Range(0, Items).Select(_ => environment.Sandbox.CreateMedia(ProviderKind.Meta)).ToList();
        var settledBefore = host.Progress.Settled;

        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/tenants/demo-meta/media/deletions")
        {
            Content = JsonContent.Create(new { items = ids.Select(id => new { mediaId = id }) }),
        };
        post.Headers.Add("X-Api-Key", LocalHost.DemoApiKey);
        using var posted = await host.Http.SendAsync(post);
        posted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var batchId = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batchId").GetString()!;
        await host.Progress.WaitForSettledAsync(settledBefore + Items).WaitAsync(Guard);

        policy.Lost.ShouldBe(Items, "every item's outcome had its answer lost once");
        policy.PreconditionFailed.ShouldBeGreaterThanOrEqualTo(Items, "each lost answer was retried with the old ETag");
        using var status = new HttpRequestMessage(HttpMethod.Get, $"/api/tenants/demo-meta/media/deletions/{batchId}");
        status.Headers.Add("X-Api-Key", LocalHost.DemoApiKey);
        using var answer = await host.Http.SendAsync(status);
        var body = await answer.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("total").GetInt32().ShouldBe(Items);
        body.GetProperty("deleted").GetInt32().ShouldBe(Items);
        body.GetProperty("pending").GetInt32().ShouldBe(0);
        body.GetProperty("failed").GetInt32().ShouldBe(0);
        body.GetProperty("poisoned").GetInt32().ShouldBe(0);
        body.GetProperty("done").GetBoolean().ShouldBeTrue();
        ids.ShouldAllBe(id => !environment.Sandbox.Meta.HasMedia(id));
        (await host.QueueNamed(host.Queue + "-poison").PeekAsync(32)).ShouldBeEmpty();
    }
}
