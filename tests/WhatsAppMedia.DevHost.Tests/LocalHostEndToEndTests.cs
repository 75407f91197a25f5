using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Sandbox;
using Xunit.Abstractions;

namespace WhatsAppMedia.DevHost.Tests;

public class LocalHostEndToEndTests(LocalHostFixture host, ITestOutputHelper output) : IClassFixture<LocalHostFixture>
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData("demo-meta", ProviderKind.Meta, HttpStatusCode.NotFound, "media_not_found")]
    [InlineData("demo-aws", ProviderKind.Aws, HttpStatusCode.NotFound, "media_not_found")]
    [InlineData("demo-sgc", ProviderKind.SmsGatewayCenter, HttpStatusCode.NotFound, "media_not_found")]
    // How NxCloud reports missing media is unconfirmed (docs/providers/nxcloud.md, "Answers"): its code is kept and the answer stays "rejected".
    [InlineData("demo-nxcloud", ProviderKind.NxCloud, HttpStatusCode.BadGateway, "provider_rejected")]
    public async Task Each_provider_deletes_then_answers_the_second_delete_over_the_real_port(string tenant, ProviderKind kind, HttpStatusCode secondStatus, string secondCode)
    {
        var mediaId = host.Sandbox.CreateMedia(kind);

        using var first = await Delete(tenant, mediaId, requestId: "e2e-1");
        using var second = await Delete(tenant, mediaId);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.GetValues("X-Request-Id").ShouldBe(["e2e-1"]);
        var body = await first.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("outcome").GetString().ShouldBe("deleted");
        body.GetProperty("provider").GetString().ShouldBe(kind.ToName());
        second.StatusCode.ShouldBe(secondStatus);
        second.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe(secondCode);
        host.Sandbox.State(kind).HasMedia(mediaId).ShouldBeFalse();
    }

    [Fact]
    public async Task Provider_failures_map_to_the_contract_statuses()
    {
        var mediaId = host.Sandbox.CreateMedia(ProviderKind.Meta);

        host.Sandbox.Meta.InjectFault(SandboxFault.Throttle(TimeSpan.FromSeconds(90)));
        using var throttled = await Delete("demo-meta", mediaId);
        host.Sandbox.Meta.InjectFault(SandboxFault.ServerError(503));
        using var unavailable = await Delete("demo-meta", mediaId);
        using var unauthorized = await Delete("demo-meta", mediaId, apiKey: "wrong");
        using var unknownTenant = await Delete("no-such-tenant", mediaId);
        using var invalid = await Delete("demo-meta", "12ab");

        throttled.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        throttled.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(90));
        unavailable.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        unauthorized.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        unknownTenant.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await unknownTenant.Content.ReadAsStringAsync()).ShouldNotContain("no-such-tenant");
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        host.Sandbox.Meta.HasMedia(mediaId).ShouldBeTrue("nothing was deleted by the failed calls");
    }

    [Fact]
    public async Task A_thousand_item_batch_is_queued_and_fully_processed()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => host.Sandbox.CreateMedia(ProviderKind.Meta)).ToList();
        var handledBefore = host.Progress.Handled;
        var stopwatch = Stopwatch.StartNew();

        using var response = await host.Http.SendAsync(Request(HttpMethod.Post, "/api/tenants/demo-meta/media/deletions", JsonContent.Create(new { items = ids.Select(id => new { mediaId = id }) })));
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32().ShouldBe(1000);
        await host.Progress.WaitForHandledAsync(handledBefore + 1000).WaitAsync(Guard);
        output.WriteLine($"1,000-item batch: POST to last delete in {stopwatch.Elapsed.TotalSeconds:0.00} s");

        ids.ShouldAllBe(id => !host.Sandbox.Meta.HasMedia(id));
    }

    [Fact]
    public async Task A_batch_with_a_bad_item_queues_nothing_and_names_each_bad_item()
    {
        var good = host.Sandbox.CreateMedia(ProviderKind.Meta);

        using var response = await host.Http.SendAsync(Request(HttpMethod.Post, "/api/tenants/demo-meta/media/deletions", JsonContent.Create(new { items = new object[] { new { mediaId = good }, new { mediaId = "../1" }, new { other = 1 } } })));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(error => (error.GetProperty("index").GetInt32(), error.GetProperty("code").GetString())).ToList();
        errors.ShouldBe([(1, "invalid_media_id"), (2, "invalid_media_id")]);
        (await host.QueueNamed(host.Queue).GetApproximateMessageCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Malformed_and_unknown_tenant_messages_land_in_the_failed_queue()
    {
        var handledBefore = host.Progress.Handled;
        var work = host.QueueNamed(host.Queue);

        await work.SendAsync("{not json");
        await work.SendAsync("""{"tenantId":"nobody-here","mediaId":"1"}""");
        await host.Progress.WaitForHandledAsync(handledBefore + 2).WaitAsync(Guard);

        var failed = (await host.QueueNamed(host.Queue + "-failed").PeekAsync(32)).Select(message => FailedDeletion.FromJson(message.Text!)!).ToList();
        failed.ShouldContain(entry => entry.Code == "malformed_message" && entry.Message == "{not json");
        failed.ShouldContain(entry => entry.Code == "unknown_tenant" && entry.Message.Contains("nobody-here", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_message_not_in_the_queues_encoding_is_moved_to_the_poison_queue_by_the_engine_as_it_was_stored()
    {
        var settledBefore = host.Progress.Settled;
        const string Text = "{\"tenantId\":\"demo-meta\",\"mediaId\":\"not-base64!\"}";
        var marker = host.Sandbox.CreateMedia(ProviderKind.Meta);

        // Azurite hands messages out in the order they came, and the engine moves an undecodable message to -poison
        // inside the receive that returns it (the SDK's MessageDecodingFailed handler), so once the well-formed message
        // sent after it has settled, the undecodable one has been dealt with.
        await host.RawQueueNamed(host.Queue).SendAsync(Text);
        await host.QueueNamed(host.Queue).SendAsync(new DeletionMessage("demo-meta", marker).ToJson());
        await host.Progress.WaitForSettledAsync(settledBefore + 1).WaitAsync(Guard);

        host.Sandbox.Meta.HasMedia(marker).ShouldBeFalse();
        (await host.RawQueueNamed(host.Queue + "-poison").PeekAsync(32)).ShouldContain(message => message.Text == Text);
        host.Progress.Settled.ShouldBe(settledBefore + 1, "the undecodable message never reached the function");
        (await host.QueueNamed(host.Queue).GetApproximateMessageCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_message_that_always_fails_transiently_is_poisoned_after_exactly_max_dequeue_count_deliveries()
    {
        var mediaId = host.Sandbox.CreateMedia(ProviderKind.SmsGatewayCenter);
        host.Sandbox.SmsGatewayCenter.InjectFault(SandboxFault.ServerError(503), times: 100);
        var handledBefore = host.Progress.Handled;
        var requestsBefore = host.Sandbox.SmsGatewayCenter.Requests.Count;

        await host.QueueNamed(host.Queue).SendAsync(new DeletionMessage("demo-sgc", mediaId).ToJson());
        await host.Progress.WaitForHandledAsync(handledBefore + LocalHostFixture.MaxDequeueCount).WaitAsync(Guard);
        host.Sandbox.SmsGatewayCenter.ClearFaults();

        var poisoned = await host.QueueNamed(host.Queue + "-poison").PeekAsync(32);
        poisoned.ShouldContain(message => message.Text != null && message.Text.Contains(mediaId, StringComparison.Ordinal));
        (host.Sandbox.SmsGatewayCenter.Requests.Count - requestsBefore).ShouldBe(LocalHostFixture.MaxDequeueCount);
        host.Sandbox.SmsGatewayCenter.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task A_throttled_message_is_deferred_and_then_deleted()
    {
        var mediaId = host.Sandbox.CreateMedia(ProviderKind.NxCloud);
        host.Sandbox.NxCloud.InjectFault(SandboxFault.Throttle(TimeSpan.FromSeconds(1)));
        var handledBefore = host.Progress.Handled;

        await host.QueueNamed(host.Queue).SendAsync(new DeletionMessage("demo-nxcloud", mediaId).ToJson());
        await host.Progress.WaitForHandledAsync(handledBefore + 2).WaitAsync(Guard);

        host.Sandbox.NxCloud.HasMedia(mediaId).ShouldBeFalse();
        var bodies = host.Sandbox.NxCloud.Requests.Where(request => request.Body.Contains(mediaId, StringComparison.Ordinal)).ToList();
        bodies.Count.ShouldBe(2, "one throttled attempt, then the deferred message's successful one");
    }

    private Task<HttpResponseMessage> Delete(string tenant, string mediaId, string apiKey = LocalHostFixture.DemoApiKey, string? requestId = null)
    {
        var request = Request(HttpMethod.Delete, $"/api/tenants/{tenant}/media/{Uri.EscapeDataString(mediaId)}", apiKey: apiKey);
        if (requestId is not null)
        {
            request.Headers.Add("X-Request-Id", requestId);
        }

        return host.Http.SendAsync(request);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content = null, string apiKey = LocalHostFixture.DemoApiKey)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-Api-Key", apiKey);
        return request;
    }
}
