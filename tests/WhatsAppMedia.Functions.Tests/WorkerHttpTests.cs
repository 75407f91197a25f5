using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Functions.Tests.Host;
using WhatsAppMedia.Functions.Tests.Rpc;
using WhatsAppMedia.Sandbox;
using WhatsAppMedia.Sandbox.Media;

namespace WhatsAppMedia.Functions.Tests;

/// <summary>
/// The HTTP functions of the deployable worker, called through the test host as the Functions host calls them: the
/// request goes to the worker's own HTTP endpoint, paired with an InvocationRequest over gRPC.
/// </summary>
[Collection(WorkerCollection.Name)]
public sealed class WorkerHttpTests(WorkerFixture worker)
{
    [Fact]
    public async Task Health_answers_ok_through_the_worker()
    {
        using var response = await worker.Http.GetAsync(new Uri("api/health", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("ok");
        InvocationOf(response).Result.Status.ShouldBe(StatusResult.Types.Status.Success);
    }

    [Theory]
    [InlineData("demo-meta", ProviderKind.Meta, HttpStatusCode.NotFound, "media_not_found")]
    [InlineData("demo-aws", ProviderKind.Aws, HttpStatusCode.NotFound, "media_not_found")]
    [InlineData("demo-sgc", ProviderKind.SmsGatewayCenter, HttpStatusCode.NotFound, "media_not_found")]
    // How NxCloud reports missing media is unconfirmed (docs/providers/nxcloud.md, "Answers"): its code is kept and the answer stays "rejected".
    [InlineData("demo-nxcloud", ProviderKind.NxCloud, HttpStatusCode.BadGateway, "provider_rejected")]
    public async Task Each_provider_deletes_then_answers_the_second_delete(string tenant, ProviderKind kind, HttpStatusCode secondStatus, string secondCode)
    {
        var mediaId = worker.Sandbox.CreateMedia(kind);

        using var first = await DeleteAsync(tenant, mediaId, requestId: "fn-e2e-1");
        using var second = await DeleteAsync(tenant, mediaId);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.GetValues("X-Request-Id").ShouldBe(["fn-e2e-1"]);
        var body = await first.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("tenantId").GetString().ShouldBe(tenant);
        body.GetProperty("mediaId").GetString().ShouldBe(mediaId);
        body.GetProperty("provider").GetString().ShouldBe(kind.ToName());
        body.GetProperty("outcome").GetString().ShouldBe("deleted");
        second.StatusCode.ShouldBe(secondStatus);
        second.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe(secondCode);
        worker.Sandbox.State(kind).HasMedia(mediaId).ShouldBeFalse();
        InvocationOf(first).Result.Status.ShouldBe(StatusResult.Types.Status.Success);
        InvocationOf(second).Result.Status.ShouldBe(StatusResult.Types.Status.Success, "an error answer is still a completed invocation");
    }

    [Fact]
    public async Task GetMedia_answers_the_providers_metadata_through_the_worker()
    {
        var mediaId = worker.Sandbox.CreateMedia(ProviderKind.Meta);

        using var response = await SendAsync(HttpMethod.Get, $"api/tenants/demo-meta/media/{mediaId}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("mediaId").GetString().ShouldBe(mediaId);
        body.GetProperty("mimeType").GetString().ShouldBe(SandboxMediaContent.DemoImage.MimeType);
        body.GetProperty("sha256").GetString().ShouldBe(SandboxMediaContent.DemoImage.Sha256);
        body.GetProperty("fileSize").GetInt64().ShouldBe(SandboxMediaContent.DemoImage.Length);
        body.TryGetProperty("urlExpiresAt", out _).ShouldBeTrue();
        InvocationOf(response).Result.Status.ShouldBe(StatusResult.Types.Status.Success);
    }

    [Theory]
    [InlineData("demo-aws", ProviderKind.Aws, "/content")]
    [InlineData("demo-sgc", ProviderKind.SmsGatewayCenter, "")]
    public async Task A_provider_without_the_operation_is_501_through_the_worker(string tenant, ProviderKind kind, string suffix)
    {
        var mediaId = worker.Sandbox.CreateMedia(kind);

        using var response = await SendAsync(HttpMethod.Get, $"api/tenants/{tenant}/media/{mediaId}{suffix}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotImplemented);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("operation_not_supported");
    }

    /// <summary>
    /// The worker streams the file from its own HttpContext. The test host reads the worker's answer whole before
    /// handing it on (HttpClient's default), so this shows the bytes and headers arrive right through the Functions
    /// path, not that memory stays flat (bench/ measures that on the local host, which runs the same MediaContentResult).
    /// </summary>
    [Fact]
    public async Task GetMediaContent_streams_the_file_through_the_worker()
    {
        var content = SandboxMediaContent.Generated(500_000, "video/mp4", seed: 21);
        var mediaId = worker.Sandbox.CreateMedia(ProviderKind.Meta, content: content);

        using var response = await SendAsync(HttpMethod.Get, $"api/tenants/demo-meta/media/{mediaId}/content");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("video/mp4");
        response.Content.Headers.ContentLength.ShouldBe(content.Length);
        response.Headers.ETag!.Tag.ShouldBe($"\"{content.Sha256}\"");
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await response.Content.ReadAsByteArrayAsync())).ShouldBe(content.Sha256);
        InvocationOf(response).Result.Status.ShouldBe(StatusResult.Types.Status.Success);
    }

    /// <summary>In the worker too, a SHA-256 mismatch resets the connection before the last byte: the caller never gets a whole answer.</summary>
    [Fact]
    public async Task GetMediaContent_aborts_a_file_whose_sha256_differs_through_the_worker()
    {
        var content = SandboxMediaContent.Generated(500_000, "video/mp4", seed: 22);
        var mediaId = worker.Sandbox.CreateMedia(ProviderKind.Meta, content: content);
        worker.Sandbox.Meta.InjectFault(SandboxFault.WrongSha256(mediaId));

        var failure = await Should.ThrowAsync<HttpRequestException>(() => SendAsync(HttpMethod.Get, $"api/tenants/demo-meta/media/{mediaId}/content"));

        failure.InnerException.ShouldBeAssignableTo<IOException>();
    }

    /// <summary>
    /// The caller reads the first bytes and hangs up: the worker's HttpContext sees its connection go (as behind the
    /// Functions host, whose proxy aborts its request to the worker when its own caller leaves), and the download from
    /// the provider is cancelled rather than read to the end.
    /// </summary>
    [Fact]
    public async Task GetMediaContent_cancels_the_provider_download_when_the_caller_disconnects_through_the_worker()
    {
        var content = SandboxMediaContent.Generated(90L * 1024 * 1024, "application/pdf", seed: 23);
        var mediaId = worker.Sandbox.CreateMedia(ProviderKind.Meta, content: content);
        var cancelledBefore = worker.Sandbox.Meta.DownloadsCancelled;

        using (var request = new HttpRequestMessage(HttpMethod.Get, $"api/tenants/demo-meta/media/{mediaId}/content"))
        {
            request.Headers.Add("X-Api-Key", WorkerFixture.DemoApiKey);
            request.Options.Set(HttpInvocation.StreamKey, true);
            using var response = await worker.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            await using var body = await response.Content.ReadAsStreamAsync();
            await body.ReadExactlyAsync(new byte[100_000]);
        }

        using var guard = new CancellationTokenSource(WorkerFixture.Guard);
        await worker.Sandbox.Meta.WaitForDownloadsCancelledAsync(cancelledBefore + 1, guard.Token);
    }

    /// <summary>A file of one chunk is never partly sent, so in the worker too its mismatch is answered as a problem.</summary>
    [Fact]
    public async Task GetMediaContent_answers_502_for_a_file_of_one_chunk_whose_sha256_differs_through_the_worker()
    {
        var mediaId = worker.Sandbox.CreateMedia(ProviderKind.Meta);
        worker.Sandbox.Meta.InjectFault(SandboxFault.WrongSha256(mediaId));

        using var response = await SendAsync(HttpMethod.Get, $"api/tenants/demo-meta/media/{mediaId}/content");

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString().ShouldBe("provider_rejected");
    }

    [Theory]
    [InlineData("demo-meta", "wrong-key")]
    [InlineData("demo-meta", null)]
    [InlineData("no-such-tenant", WorkerFixture.DemoApiKey)]
    public async Task A_wrong_or_missing_key_and_an_unknown_tenant_all_get_the_same_401(string tenant, string? apiKey)
    {
        var mediaId = worker.Sandbox.CreateMedia(ProviderKind.Meta);

        using var response = await DeleteAsync(tenant, mediaId, apiKey);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var body = await response.Content.ReadAsStringAsync();
        JsonDocument.Parse(body).RootElement.GetProperty("code").GetString().ShouldBe("unauthorized");
        body.ShouldNotContain(tenant);
        worker.Sandbox.Meta.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task A_media_id_in_the_wrong_format_is_a_400_that_reaches_no_provider()
    {
        var before = worker.Sandbox.Meta.RequestsSeen;

        using var response = await DeleteAsync("demo-meta", "not-digits");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("invalid_media_id");
        worker.Sandbox.Meta.RequestsSeen.ShouldBe(before);
    }

    [Fact]
    public async Task A_batch_is_accepted_and_its_messages_are_on_the_queue_in_the_queues_encoding()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/tenants/demo-aws/media/deletions")
        {
            Content = new StringContent(
                """{"items":[{"mediaId":"3f5a1b2c4d6e7f8091a2b3c4d5e6f701"},{"mediaId":"3f5a1b2c4d6e7f8091a2b3c4d5e6f702"}]}""",
                Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Add("X-Api-Key", WorkerFixture.DemoApiKey);

        using var response = await worker.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("accepted").GetInt32().ShouldBe(2);
        var batchId = body.GetProperty("batchId").GetString();

        // Read as stored, without decoding: host.json says base64, so the stored text must be base64 of the JSON.
        var raw = new QueueClient(worker.StorageConnectionString, worker.Queue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var stored = (await raw.PeekMessagesAsync(32)).Value
            .Select(message => JsonDocument.Parse(Convert.FromBase64String(message.Body.ToString())).RootElement)
            .Where(message => message.TryGetProperty("batchId", out var id) && id.GetString() == batchId)
            .ToArray();
        stored.Select(message => message.GetProperty("mediaId").GetString()).Order(StringComparer.Ordinal)
            .ShouldBe(["3f5a1b2c4d6e7f8091a2b3c4d5e6f701", "3f5a1b2c4d6e7f8091a2b3c4d5e6f702"]);
        stored.ShouldAllBe(message => message.GetProperty("tenantId").GetString() == "demo-aws");
    }

    [Fact]
    public async Task A_batchs_state_is_read_through_the_worker_and_another_tenants_batch_is_not_found()
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, "api/tenants/demo-aws/media/deletions")
        {
            Content = new StringContent("""{"items":[{"mediaId":"3f5a1b2c4d6e7f8091a2b3c4d5e6f703"}]}""", Encoding.UTF8, "application/json"),
        };
        post.Headers.Add("X-Api-Key", WorkerFixture.DemoApiKey);
        using var accepted = await worker.Http.SendAsync(post);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var batchId = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batchId").GetString();

        using var status = await GetAsync($"api/tenants/demo-aws/media/deletions/{batchId}");
        status.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await status.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("batchId").GetString().ShouldBe(batchId);
        body.GetProperty("total").GetInt32().ShouldBe(1);
        body.GetProperty("pending").GetInt32().ShouldBe(1, "the test host runs no queue listener, so the item is still queued");
        body.GetProperty("done").GetBoolean().ShouldBeFalse();

        using var otherTenant = await GetAsync($"api/tenants/demo-meta/media/deletions/{batchId}", "fn-batch");
        (await ShouldBeProblemAsync(otherTenant, HttpStatusCode.NotFound, "fn-batch")).GetProperty("code").GetString().ShouldBe("batch_not_found");

        using var malformed = await GetAsync("api/tenants/demo-aws/media/deletions/not-a-batch", "fn-batch");
        (await ShouldBeProblemAsync(malformed, HttpStatusCode.BadRequest, "fn-batch")).GetProperty("code").GetString().ShouldBe("invalid_batch_id");
    }

    [Fact]
    public async Task A_scheduled_batch_is_rescheduled_then_cancelled_through_the_worker()
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, "api/tenants/demo-meta/media/deletions")
        {
            Content = new StringContent("""{"deleteAt":"2035-01-01T00:00:00Z","items":[{"mediaId":"1013859600285471"}]}""", Encoding.UTF8, "application/json"),
        };
        post.Headers.Add("X-Api-Key", WorkerFixture.DemoApiKey);
        using var accepted = await worker.Http.SendAsync(post);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var batchId = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batchId").GetString();

        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"api/tenants/demo-meta/media/deletions/{batchId}")
        {
            Content = new StringContent("""{"deleteAt":"2036-01-01T00:00:00Z"}""", Encoding.UTF8, "application/json"),
        };
        patch.Headers.Add("X-Api-Key", WorkerFixture.DemoApiKey);
        using var moved = await worker.Http.SendAsync(patch);
        moved.StatusCode.ShouldBe(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rescheduled").GetInt32().ShouldBe(1);

        using var cancel = new HttpRequestMessage(HttpMethod.Delete, $"api/tenants/demo-meta/media/deletions/{batchId}");
        cancel.Headers.Add("X-Api-Key", WorkerFixture.DemoApiKey);
        using var cancelled = await worker.Http.SendAsync(cancel);
        cancelled.StatusCode.ShouldBe(HttpStatusCode.OK, await cancelled.Content.ReadAsStringAsync());
        var answer = await cancelled.Content.ReadFromJsonAsync<JsonElement>();
        (answer.GetProperty("cancelled").GetInt32(), answer.GetProperty("alreadySent").GetInt32()).ShouldBe((1, 0));

        using var status = await GetAsync($"api/tenants/demo-meta/media/deletions/{batchId}");
        var body = await status.Content.ReadFromJsonAsync<JsonElement>();
        (body.GetProperty("cancelled").GetInt32(), body.GetProperty("scheduled").GetInt32(), body.GetProperty("done").GetBoolean()).ShouldBe((1, 0, true));
    }

    [Fact]
    public async Task Media_is_registered_by_the_tenants_retention_through_the_worker()
    {
        // demo-meta keeps media 3 days; Meta drops received media after 7.
        var now = DateTimeOffset.UtcNow;
        using var post = new HttpRequestMessage(HttpMethod.Post, "api/tenants/demo-meta/media/registrations")
        {
            Content = new StringContent(
                $$"""{"items":[{"mediaId":"1013859600285472","origin":"uploaded","at":"{{now:yyyy-MM-dd'T'HH:mm:ss'Z'}}"},{"mediaId":"1013859600285473","origin":"received","at":"{{now.AddDays(-8):yyyy-MM-dd'T'HH:mm:ss'Z'}}"}]}""",
                Encoding.UTF8,
                "application/json"),
        };
        post.Headers.Add("X-Api-Key", WorkerFixture.DemoApiKey);
        using var accepted = await worker.Http.SendAsync(post);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        var answer = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        (answer.GetProperty("accepted").GetInt32(), answer.GetProperty("expiredAtProvider").GetInt32()).ShouldBe((2, 1));

        using var status = await GetAsync($"api/tenants/demo-meta/media/deletions/{answer.GetProperty("batchId").GetString()}");
        var body = await status.Content.ReadFromJsonAsync<JsonElement>();
        (body.GetProperty("scheduled").GetInt32(), body.GetProperty("expiredAtProvider").GetInt32(), body.GetProperty("done").GetBoolean()).ShouldBe((1, 1, false));

        using var noPolicy = new HttpRequestMessage(HttpMethod.Post, "api/tenants/demo-aws/media/registrations")
        {
            Content = new StringContent($$"""{"items":[{"mediaId":"3f5a1b2c4d6e7f8091a2b3c4d5e6f704","origin":"uploaded","at":"{{now:yyyy-MM-dd'T'HH:mm:ss'Z'}}"}]}""", Encoding.UTF8, "application/json"),
        };
        noPolicy.Headers.Add("X-Api-Key", WorkerFixture.DemoApiKey);
        noPolicy.Headers.Add("X-Request-Id", "fn-keep");
        using var refused = await worker.Http.SendAsync(noPolicy);
        (await ShouldBeProblemAsync(refused, HttpStatusCode.Conflict, "fn-keep")).GetProperty("code").GetString().ShouldBe("retention_not_set");
    }

    [Fact]
    public async Task The_dry_run_counts_scheduled_deletions_per_day_through_the_worker_and_is_not_taken_for_a_batch_id()
    {
        // demo-meta's schedule is shared with other worker tests: this one's day is its own (2034-03-04).
        using var post = new HttpRequestMessage(HttpMethod.Post, "api/tenants/demo-meta/media/deletions")
        {
            Content = new StringContent("""{"deleteAt":"2034-03-04T05:06:07Z","items":[{"mediaId":"1013859600285481"},{"mediaId":"1013859600285482"}]}""", Encoding.UTF8, "application/json"),
        };
        post.Headers.Add("X-Api-Key", WorkerFixture.DemoApiKey);
        using var accepted = await worker.Http.SendAsync(post);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());

        using var dryRun = await GetAsync("api/tenants/demo-meta/media/deletions/schedule?until=2034-03-05T00:00:00Z");
        dryRun.StatusCode.ShouldBe(HttpStatusCode.OK, await dryRun.Content.ReadAsStringAsync());
        var body = await dryRun.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("days").EnumerateArray().Single(day => day.GetProperty("date").GetString() == "2034-03-04").GetProperty("count").GetInt32().ShouldBe(2);

        using var badUntil = await GetAsync("api/tenants/demo-meta/media/deletions/schedule?until=2034-03-05", "fn-dry");
        (await ShouldBeProblemAsync(badUntil, HttpStatusCode.BadRequest, "fn-dry")).GetProperty("detail").GetString()!.ShouldContain("'until'");
    }

    [Fact]
    public async Task A_deletion_through_the_worker_leaves_a_receipt_that_the_export_gives_and_verifies()
    {
        var mediaId = worker.Sandbox.CreateMedia(ProviderKind.Meta);
        using var deleted = await DeleteAsync("demo-meta", mediaId, requestId: "fn-receipt");
        deleted.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var export = await GetAsync($"api/tenants/demo-meta/receipts?mediaId={mediaId}");
        export.StatusCode.ShouldBe(HttpStatusCode.OK, await export.Content.ReadAsStringAsync());
        export.Content.Headers.ContentType!.MediaType.ShouldBe("application/x-ndjson");
        var lines = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1);
        WhatsAppMedia.Core.Receipts.ReceiptVerifier.Verify(lines, allowGaps: true).IsValid.ShouldBeTrue();
        var receipt = JsonDocument.Parse(lines[0]).RootElement.GetProperty("receipt");
        (receipt.GetProperty("outcome").GetString(), receipt.GetProperty("requestId").GetString()).ShouldBe(("deleted", "fn-receipt"));

        using var bad = await GetAsync("api/tenants/demo-meta/receipts?limit=0", "fn-receipt-bad");
        (await ShouldBeProblemAsync(bad, HttpStatusCode.BadRequest, "fn-receipt-bad")).GetProperty("detail").GetString()!.ShouldContain("'limit'");
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? requestId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-Api-Key", WorkerFixture.DemoApiKey);
        if (requestId is not null)
        {
            request.Headers.Add("X-Request-Id", requestId);
        }

        return await worker.Http.SendAsync(request);
    }

    [Theory]
    [InlineData("GET", "api/tenants/demo-meta/media")]
    [InlineData("GET", "api/nope")]
    [InlineData("DELETE", "api/tenants/demo-meta/media/1/extra")]
    [InlineData("GET", "api/")]
    [InlineData("POST", "api/tenants/demo-meta/media/deletions/extra/more")]
    public async Task An_unknown_route_under_api_is_404_not_found_answered_by_the_worker(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        request.Headers.Add("X-Request-Id", "fn-404");

        using var response = await worker.Http.SendAsync(request);

        var problem = await ShouldBeProblemAsync(response, HttpStatusCode.NotFound, "fn-404");
        problem.GetProperty("code").GetString().ShouldBe("not_found");
        InvocationOf(response).Result.Status.ShouldBe(StatusResult.Types.Status.Success);
    }

    [Theory]
    [InlineData("PUT", "api/tenants/demo-meta/media/1013859600285441", "DELETE, GET")]
    [InlineData("POST", "api/tenants/demo-meta/media/1013859600285441/content", "GET")]
    [InlineData("PATCH", "api/tenants/demo-meta/media/deletions", "DELETE, GET, POST")]
    [InlineData("POST", "api/tenants/demo-meta/media/deletions/0123456789abcdef0123456789abcdef", "DELETE, GET, PATCH")]
    [InlineData("POST", "api/health", "GET")]
    [InlineData("HEAD", "api/health", "GET")]
    public async Task A_wrong_method_on_a_known_route_is_405_method_not_allowed_with_allow(string method, string path, string allow)
    {
        var mediaBefore = worker.Sandbox.Meta.RequestsSeen;
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        request.Headers.Add("X-Api-Key", WorkerFixture.DemoApiKey);
        request.Headers.Add("X-Request-Id", "fn-405");

        using var response = await worker.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        string.Join(", ", response.Content.Headers.Allow.Order(StringComparer.Ordinal)).ShouldBe(allow);
        if (method != "HEAD")
        {
            var problem = await ShouldBeProblemAsync(response, HttpStatusCode.MethodNotAllowed, "fn-405");
            problem.GetProperty("code").GetString().ShouldBe("method_not_allowed");
            problem.GetProperty("detail").GetString()!.ShouldContain(allow.Split(", ")[0]);
        }

        worker.Sandbox.Meta.RequestsSeen.ShouldBe(mediaBefore);
    }

    [Fact]
    public async Task A_path_outside_the_api_prefix_is_not_sent_to_the_worker()
    {
        // The host answers it itself (its home page or an empty 404); the contract's routes are all under /api.
        using var response = await worker.Http.GetAsync(new Uri("elsewhere", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.RequestMessage!.Options.TryGetValue(HttpInvocation.InvocationKey, out _).ShouldBeFalse();
    }

    private static async Task<JsonElement> ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status, string requestId)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        response.Headers.GetValues("X-Request-Id").ShouldBe([requestId]);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        problem.GetProperty("requestId").GetString().ShouldBe(requestId);
        return problem;
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path)
    {
        // Not disposed here: the response keeps it, with the invocation the host recorded on it.
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", WorkerFixture.DemoApiKey);
        return worker.Http.SendAsync(request);
    }

    private async Task<HttpResponseMessage> DeleteAsync(string tenant, string mediaId, string? apiKey = WorkerFixture.DemoApiKey, string? requestId = null)
    {
        // Not disposed here: the response keeps it, with the invocation the host recorded on it.
        var request = new HttpRequestMessage(HttpMethod.Delete, $"api/tenants/{tenant}/media/{Uri.EscapeDataString(mediaId)}");
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        if (requestId is not null)
        {
            request.Headers.Add("X-Request-Id", requestId);
        }

        return await worker.Http.SendAsync(request);
    }

    private static InvocationResponse InvocationOf(HttpResponseMessage response) =>
        response.RequestMessage!.Options.TryGetValue(HttpInvocation.InvocationKey, out var invocation)
            ? invocation
            : throw new InvalidOperationException("The request reached no function.");
}
