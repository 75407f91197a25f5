using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Receipts;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>
/// Deletion receipts through the local host's real port, Azurite and the sandbox (docs/receipts.md): one per terminal
/// outcome of a mixed batch and of a DELETE-now, none added by a redelivered message, exported page by page and
/// verified offline, with no secret in any of them. The tenant is the test's own, so its chain holds only these.
/// </summary>
public class LocalHostReceiptTests(LocalEnvironment environment) : IClassFixture<LocalEnvironment>
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Every_terminal_outcome_has_one_receipt_a_redelivery_adds_none_and_the_export_verifies()
    {
        var tenant = $"rcpt-{Guid.NewGuid():N}"[..20];
        await using var host = await environment.StartHostAsync(
            $"rcpt-{Guid.NewGuid():N}"[..24],
            [IntegratorTenantsFixture.OwnMetaTenant(tenant)]);
        var meta = environment.Sandbox.Meta;
        var deleted = Enumerable.Range(0, 2).Select(_ => environment.Sandbox.CreateMedia(ProviderKind.Meta)).ToList();
        var throttledOnce = environment.Sandbox.CreateMedia(ProviderKind.Meta);
        var rejected = environment.Sandbox.CreateMedia(ProviderKind.Meta);
        var unavailable = environment.Sandbox.CreateMedia(ProviderKind.Meta);
        const string Missing = "1013859600289999";
        meta.InjectFault(SandboxFault.Throttle(TimeSpan.FromSeconds(1)) with { MediaId = throttledOnce });
        meta.InjectFault(SandboxFault.Reject() with { MediaId = rejected });
        meta.InjectFault(SandboxFault.ServerError(503) with { MediaId = unavailable }, times: 1000);

        string[] items = [deleted[0], deleted[1], Missing, throttledOnce, rejected, unavailable];
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/api/tenants/{tenant}/media/deletions")
        {
            Content = JsonContent.Create(new
            {
                reason = "erasure request 42",
                items = items.Select((mediaId, index) => index == 1 ? (object)new { mediaId, reason = "retention audit" } : new { mediaId }),
            }),
        };
        post.Headers.Add("X-Api-Key", LocalHost.DemoApiKey);
        post.Headers.Add("X-Request-Id", "bulk-receipts");
        using var accepted = await host.Http.SendAsync(post);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        var batchId = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batchId").GetString()!;
        while (true)
        {
            // Read before the status: a message handled in between still ends the wait.
            var handledSoFar = host.Progress.Handled;
            if ((await BatchStatusReader.StatusAsync(host, batchId, tenant)).GetProperty("done").GetBoolean())
            {
                break;
            }

            await host.Progress.WaitForHandledAsync(handledSoFar + 1).WaitAsync(Guard);
        }

        // The queue delivers item 0 again: its receipt is already written.
        var handled = host.Progress.Handled;
        await host.QueueNamed(host.Queue).SendAsync(new DeletionMessage(tenant, deleted[0], BatchId: batchId, RequestId: "bulk-receipts", ItemIndex: 0).ToJson());
        await host.Progress.WaitForHandledAsync(handled + 1).WaitAsync(Guard);

        // DELETE-now, and the same request again with its X-Request-Id: one receipt.
        var now = environment.Sandbox.CreateMedia(ProviderKind.Meta);
        for (var i = 0; i < 2; i++)
        {
            using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/tenants/{tenant}/media/{now}?reason=user%20asked");
            delete.Headers.Add("X-Api-Key", LocalHost.DemoApiKey);
            delete.Headers.Add("X-Request-Id", "delete-now-receipt");
            using var answer = await host.Http.SendAsync(delete);
            answer.StatusCode.ShouldBe(i == 0 ? HttpStatusCode.OK : HttpStatusCode.NotFound);
        }

        var lines = await ReceiptExportReader.ReadAllAsync(host.Http, tenant, pageSize: 3);
        var immediate = lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("receipt").Clone()).Single(receipt => receipt.GetProperty("batchId").ValueKind == JsonValueKind.Null);
        var immediateCaller = immediate.GetProperty("requestedBy").GetString();

        lines.Count.ShouldBe(7, string.Join('\n', lines));
        ReceiptVerifier.Verify(lines).ShouldBe(new ReceiptVerification(7, null, null, 0, null, false));
        var receipts = lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("receipt").Clone()).ToList();
        var bulk = receipts.Where(receipt => receipt.GetProperty("batchId").ValueKind == JsonValueKind.String).ToList();
        bulk.Select(receipt => receipt.GetProperty("itemIndex").GetInt32()).Order().ShouldBe([0, 1, 2, 3, 4, 5]);
        string Outcome(string mediaId) => bulk.Single(receipt => receipt.GetProperty("mediaId").GetString() == mediaId).GetProperty("outcome").GetString()!;
        (Outcome(deleted[0]), Outcome(deleted[1]), Outcome(Missing), Outcome(throttledOnce), Outcome(rejected), Outcome(unavailable))
            .ShouldBe(("deleted", "deleted", "notFound", "deleted", "failed", "poisoned"));
        bulk.ShouldAllBe(receipt => receipt.GetProperty("requestedBy").GetString() == immediateCaller && receipt.GetProperty("requestId").GetString() == "bulk-receipts");
        bulk.Select(receipt => receipt.GetProperty("reason").GetString()).Count(reason => reason == "erasure request 42").ShouldBe(5);
        bulk.Single(receipt => receipt.GetProperty("itemIndex").GetInt32() == 1).GetProperty("reason").GetString().ShouldBe("retention audit");
        immediate.GetProperty("outcome").GetString().ShouldBe("deleted");
        immediate.GetProperty("reason").GetString().ShouldBe("user asked");
        immediate.GetProperty("requestedBy").GetString()!.ShouldMatch("^apiKey:[0-9a-f]{12}$");
        immediate.GetProperty("evidence").GetProperty("httpStatus").GetInt32().ShouldBe(200);
        // Meta's x-fb-trace-id of the request: on a success, and on an error (where the body's fbtrace_id is the same).
        immediate.GetProperty("evidence").GetProperty("providerRequestId").GetString()!.ShouldMatch("^[A-Za-z0-9_-]{11}$");
        receipts.Single(receipt => receipt.GetProperty("mediaId").GetString() == rejected).GetProperty("evidence").GetProperty("providerRequestId").GetString()!.ShouldMatch("^[A-Za-z0-9_-]{11}$");

        var export = string.Join('\n', lines);
        foreach (var secret in new[] { SandboxAccounts.Meta.AccessToken, LocalHost.DemoApiKey, IntegratorTenantsFixture.ApiKeySha256, "http://", "https://" })
        {
            export.ShouldNotContain(secret, Case.Insensitive);
        }
    }

    [Fact]
    public async Task A_mixed_batch_of_a_thousand_items_has_exactly_one_receipt_per_item_and_redeliveries_add_none()
    {
        var tenant = $"rcpk-{Guid.NewGuid():N}"[..20];
        await using var host = await environment.StartHostAsync($"rcpk-{Guid.NewGuid():N}"[..24], [IntegratorTenantsFixture.OwnMetaTenant(tenant)]);
        var meta = environment.Sandbox.Meta;
        // 850 deleted, 50 not found, 50 throttled once then deleted, 25 rejected (failed), 25 never answering (poisoned).
        var items = new List<(string MediaId, string Outcome)>(1000);
        for (var i = 0; i < 1000; i++)
        {
            var kind = i switch { < 850 => "deleted", < 900 => "notFound", < 950 => "throttled", < 975 => "failed", _ => "poisoned" };
            var mediaId = kind == "notFound" ? $"10138596{i:D8}" : environment.Sandbox.CreateMedia(ProviderKind.Meta);
            switch (kind)
            {
                case "throttled":
                    meta.InjectFault(SandboxFault.Throttle(TimeSpan.FromSeconds(1)) with { MediaId = mediaId });
                    break;
                case "failed":
                    meta.InjectFault(SandboxFault.Reject() with { MediaId = mediaId });
                    break;
                case "poisoned":
                    meta.InjectFault(SandboxFault.ServerError(503) with { MediaId = mediaId }, times: 1000);
                    break;
            }

            items.Add((mediaId, kind == "throttled" ? "deleted" : kind));
        }

        using var post = new HttpRequestMessage(HttpMethod.Post, $"/api/tenants/{tenant}/media/deletions")
        {
            Content = JsonContent.Create(new { items = items.Select(item => new { mediaId = item.MediaId }) }),
        };
        post.Headers.Add("X-Api-Key", LocalHost.DemoApiKey);
        using var accepted = await host.Http.SendAsync(post);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        var batchId = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batchId").GetString()!;
        await WaitUntilDoneAsync(host, batchId, tenant);

        // The queue delivers ten settled items again: their receipts are already written.
        var handled = host.Progress.Handled;
        for (var index = 0; index < 10; index++)
        {
            await host.QueueNamed(host.Queue).SendAsync(new DeletionMessage(tenant, items[index].MediaId, BatchId: batchId, ItemIndex: index).ToJson());
        }

        await host.Progress.WaitForHandledAsync(handled + 10).WaitAsync(Guard);

        var lines = await ReceiptExportReader.ReadAllAsync(host.Http, tenant, pageSize: 5000);
        ReceiptVerifier.Verify(lines).ShouldBe(new ReceiptVerification(1000, null, null, 0, null, false));
        var receipts = lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("receipt").Clone()).ToList();
        receipts.Select(receipt => receipt.GetProperty("itemIndex").GetInt32()).Order().ShouldBe(Enumerable.Range(0, 1000), "exactly one receipt per item");
        receipts.ShouldAllBe(receipt => receipt.GetProperty("outcome").GetString() == items[receipt.GetProperty("itemIndex").GetInt32()].Outcome);
    }

    private static async Task WaitUntilDoneAsync(LocalHost host, string batchId, string tenant)
    {
        while (true)
        {
            // Read before the status: a message handled in between still ends the wait.
            var handledSoFar = host.Progress.Handled;
            if ((await BatchStatusReader.StatusAsync(host, batchId, tenant)).GetProperty("done").GetBoolean())
            {
                return;
            }

            await host.Progress.WaitForHandledAsync(handledSoFar + 1).WaitAsync(Guard);
        }
    }

    [Fact]
    public async Task A_failed_delete_now_sent_again_with_its_request_id_and_then_deleted_has_both_receipts()
    {
        var tenant = $"rcptre-{Guid.NewGuid():N}"[..20];
        await using var host = await environment.StartHostAsync($"rcptre-{Guid.NewGuid():N}"[..24], [IntegratorTenantsFixture.OwnMetaTenant(tenant)]);
        var mediaId = environment.Sandbox.CreateMedia(ProviderKind.Meta);
        environment.Sandbox.Meta.InjectFault(SandboxFault.Reject() with { MediaId = mediaId });
        HttpStatusCode[] answers = [HttpStatusCode.BadGateway, HttpStatusCode.OK, HttpStatusCode.NotFound];
        foreach (var expected in answers)
        {
            using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/tenants/{tenant}/media/{mediaId}");
            delete.Headers.Add("X-Api-Key", LocalHost.DemoApiKey);
            delete.Headers.Add("X-Request-Id", "same-request");
            using var answer = await host.Http.SendAsync(delete);
            answer.StatusCode.ShouldBe(expected);
        }

        var lines = await ReceiptExportReader.ReadAllAsync(host.Http, tenant, pageSize: 100);
        lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("receipt").GetProperty("outcome").GetString())
            .ShouldBe(["failed", "deleted"], "the refusal and the deletion both happened; the third answer is the same outcome as the second");
    }

    [Theory]
    [InlineData("from=2026-12-01", "from")]
    [InlineData("to=2026-12-01T00:00:00%2B01:00", "to")]
    [InlineData("from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", "to")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=5001", "limit")]
    [InlineData("continuationToken=abc", "continuationToken")]
    [InlineData("mediaId=", "mediaId")]
    [InlineData("limit=1&limit=2", "limit")]
    public async Task A_bad_export_query_is_a_400_naming_the_parameter(string query, string parameter)
    {
        await using var host = await environment.StartHostAsync($"rcptbad-{Guid.NewGuid():N}"[..24]);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/tenants/demo-meta/receipts?{query}");
        request.Headers.Add("X-Api-Key", LocalHost.DemoApiKey);
        using var response = await host.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe("invalid_request");
        problem.GetProperty("detail").GetString()!.ShouldContain($"'{parameter}'", Case.Sensitive, query);
    }

    [Fact]
    public async Task A_reason_over_200_characters_is_refused_and_nothing_is_sent()
    {
        await using var host = await environment.StartHostAsync($"rcptwhy-{Guid.NewGuid():N}"[..24]);
        var mediaId = environment.Sandbox.CreateMedia(ProviderKind.Meta);
        var tooLong = new string('x', 201);

        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/tenants/demo-meta/media/{mediaId}?reason={tooLong}");
        delete.Headers.Add("X-Api-Key", LocalHost.DemoApiKey);
        using var refused = await host.Http.SendAsync(delete);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("'reason'");

        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/tenants/demo-meta/media/deletions")
        {
            Content = JsonContent.Create(new { items = new object[] { new { mediaId }, new { mediaId, reason = tooLong } } }),
        };
        post.Headers.Add("X-Api-Key", LocalHost.DemoApiKey);
        using var bulk = await host.Http.SendAsync(post);
        bulk.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = (await bulk.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Single();
        (error.GetProperty("index").GetInt32(), error.GetProperty("detail").GetString()!.Contains("'items[1].reason'", StringComparison.Ordinal)).ShouldBe((1, true));
        environment.Sandbox.Meta.HasMedia(mediaId).ShouldBeTrue();
    }
}
