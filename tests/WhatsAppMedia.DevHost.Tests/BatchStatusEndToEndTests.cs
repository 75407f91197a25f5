using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>GET …/media/deletions/{batchId} through the local host's real port, with Azurite and the sandbox.</summary>
public class BatchStatusEndToEndTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_mixed_250_item_batch_reaches_done_with_exact_totals_and_its_poisoned_item_is_deleted_after_redrive()
    {
        // 245 to delete, 3 that do not exist, 1 the provider rejects for good, 1 that always fails transiently.
        var ids = Enumerable.Range(0, 250).Select(_ => host.Sandbox.CreateMedia(ProviderKind.Meta)).ToList();
        foreach (var index in new[] { 10, 100, 200 })
        {
            host.Sandbox.Meta.RemoveMedia(ids[index]);
        }

        const int Rejected = 42;
        const int AlwaysFailing = 137;
        host.Sandbox.Meta.InjectMediaFault(ids[Rejected], SandboxFault.Reject());
        host.Sandbox.Meta.InjectMediaFault(ids[AlwaysFailing], SandboxFault.ServerError(503));
        var settledBefore = host.Progress.Settled;

        using var posted = await host.Http.SendAsync(Request(HttpMethod.Post, "/api/tenants/demo-meta/media/deletions", JsonContent.Create(new { items = ids.Select(id => new { mediaId = id }) })));
        posted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var batchId = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batchId").GetString()!;
        await host.Progress.WaitForSettledAsync(settledBefore + 250).WaitAsync(Guard);

        var status = await StatusAsync(batchId);
        status.GetProperty("total").GetInt32().ShouldBe(250);
        status.GetProperty("pending").GetInt32().ShouldBe(0);
        status.GetProperty("deleted").GetInt32().ShouldBe(245);
        status.GetProperty("notFound").GetInt32().ShouldBe(3);
        status.GetProperty("failed").GetInt32().ShouldBe(1);
        status.GetProperty("poisoned").GetInt32().ShouldBe(1);
        status.GetProperty("done").GetBoolean().ShouldBeTrue();
        status.GetProperty("tenantId").GetString().ShouldBe("demo-meta");
        var failures = status.GetProperty("failures").EnumerateArray()
            .Select(failure => (failure.GetProperty("index").GetInt32(), failure.GetProperty("mediaId").GetString(), failure.GetProperty("outcome").GetString(), failure.GetProperty("code").GetString()))
            .ToList();
        failures.ShouldBe([(Rejected, ids[Rejected], "failed", "provider_rejected"), (AlwaysFailing, ids[AlwaysFailing], "poisoned", "provider_unavailable")]);

        // The fault is cleared; the operator redrives the poison queue (the CLI's `queue redrive --from poison`).
        host.Sandbox.Meta.ClearMediaFault(ids[AlwaysFailing]);
        var settledBeforeRedrive = host.Progress.Settled;
        var report = await host.Host.Services.GetRequiredService<QueueRedrive>().RunAsync(RedriveSource.Poison, "demo-meta", dryRun: false);
        report.Moved.ShouldBe(1);
        await host.Progress.WaitForSettledAsync(settledBeforeRedrive + 1).WaitAsync(Guard);

        var after = await StatusAsync(batchId);
        after.GetProperty("deleted").GetInt32().ShouldBe(246);
        after.GetProperty("poisoned").GetInt32().ShouldBe(0);
        after.GetProperty("done").GetBoolean().ShouldBeTrue();
        after.GetProperty("failures").EnumerateArray().Select(failure => failure.GetProperty("index").GetInt32()).ShouldBe([Rejected]);
        host.Sandbox.Meta.HasMedia(ids[AlwaysFailing]).ShouldBeFalse();
    }

    [Fact]
    public async Task A_malformed_id_is_400_and_an_unknown_or_foreign_batch_is_the_same_404()
    {
        var mediaId = host.Sandbox.CreateMedia(ProviderKind.Meta);
        var settledBefore = host.Progress.Settled;
        using var posted = await host.Http.SendAsync(Request(HttpMethod.Post, "/api/tenants/demo-meta/media/deletions", JsonContent.Create(new { items = new[] { new { mediaId } } })));
        var batchId = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batchId").GetString()!;

        // Settled before the test ends, so the other tests of the class, which count settlements, never see it.
        await host.Progress.WaitForSettledAsync(settledBefore + 1).WaitAsync(Guard);
        using var malformed = await host.Http.SendAsync(Request(HttpMethod.Get, "/api/tenants/demo-meta/media/deletions/not-a-batch"));
        using var unknown = await host.Http.SendAsync(Request(HttpMethod.Get, $"/api/tenants/demo-meta/media/deletions/{Guid.NewGuid():N}"));
        using var foreign = await host.Http.SendAsync(Request(HttpMethod.Get, $"/api/tenants/demo-aws/media/deletions/{batchId}"));
        using var unauthorized = await host.Http.SendAsync(Request(HttpMethod.Get, $"/api/tenants/demo-meta/media/deletions/{batchId}", apiKey: "wrong"));

        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Code(malformed)).ShouldBe("invalid_batch_id");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Code(unknown)).ShouldBe("batch_not_found");
        (await Code(foreign)).ShouldBe("batch_not_found");
        unauthorized.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await StatusAsync(batchId)).GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task A_redelivered_message_does_not_count_twice()
    {
        var mediaId = host.Sandbox.CreateMedia(ProviderKind.Meta);
        var settledBefore = host.Progress.Settled;
        using var posted = await host.Http.SendAsync(Request(HttpMethod.Post, "/api/tenants/demo-meta/media/deletions", JsonContent.Create(new { items = new[] { new { mediaId } } })));
        var batchId = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batchId").GetString()!;
        await host.Progress.WaitForSettledAsync(settledBefore + 1).WaitAsync(Guard);

        // The same message again, as the queue delivers it a second time after a lost completion.
        await host.QueueNamed(host.Queue).SendAsync(new DeletionMessage("demo-meta", mediaId, BatchId: batchId, ItemIndex: 0).ToJson());
        await host.Progress.WaitForSettledAsync(settledBefore + 2).WaitAsync(Guard);

        var status = await StatusAsync(batchId);
        status.GetProperty("total").GetInt32().ShouldBe(1);
        status.GetProperty("deleted").GetInt32().ShouldBe(1, "the second delivery answered not found, which does not replace the deletion");
        status.GetProperty("notFound").GetInt32().ShouldBe(0);
    }

    private async Task<JsonElement> StatusAsync(string batchId)
    {
        using var response = await host.Http.SendAsync(Request(HttpMethod.Get, $"/api/tenants/demo-meta/media/deletions/{batchId}"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<string?> Code(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();

    private static HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content = null, string apiKey = LocalHostFixture.DemoApiKey)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-Api-Key", apiKey);
        return request;
    }
}
