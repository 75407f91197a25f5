using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using WhatsAppMedia.Core.Batches;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Receipts;
using WhatsAppMedia.Core.Scheduling;
using WhatsAppMedia.Functions.Tests.Rpc;

namespace WhatsAppMedia.Functions.Tests;

/// <summary>
/// The deployable worker's timer functions, invoked as the timer extension does at a tick. Which instance's timer
/// fires is the extension's schedule monitor, which the test host does not run.
/// </summary>
[Collection(WorkerCollection.Name)]
public sealed class WorkerTimerTests(WorkerFixture worker)
{
    [Fact]
    public async Task The_sweep_queues_a_due_scheduled_deletion_in_the_queues_encoding_and_removes_its_row()
    {
        var batchId = BatchIds.New();
        var due = DateTimeOffset.UtcNow.AddSeconds(-1);
        var store = new TableScheduleStore(new TableServiceClient(worker.StorageConnectionString));
        await store.AddAsync([new DeletionMessage("demo-meta", "1013859600285449", BatchId: batchId, ItemIndex: 0, DeleteAt: due)], CancellationToken.None);

        using var guard = new CancellationTokenSource(WorkerFixture.Guard);
        var invocation = await worker.Host.InvokeTimerAsync("SweepScheduledDeletions", guard.Token);

        invocation.Result.Status.ShouldBe(StatusResult.Types.Status.Success, invocation.Result.Exception?.Message);
        var raw = new QueueClient(worker.StorageConnectionString, worker.Queue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var stored = (await raw.PeekMessagesAsync(32)).Value
            .Select(message => JsonDocument.Parse(Convert.FromBase64String(message.Body.ToString())).RootElement)
            .Single(message => message.TryGetProperty("batchId", out var id) && id.GetString() == batchId);
        stored.GetProperty("mediaId").GetString().ShouldBe("1013859600285449");
        stored.GetProperty("deleteAt").GetDateTimeOffset().ShouldBe(due);
        await foreach (var left in store.ListDueAsync(DateTimeOffset.UtcNow, CancellationToken.None))
        {
            left.Message.BatchId.ShouldNotBe(batchId, "the row is removed once its message is queued");
        }
    }

    [Fact]
    public async Task The_digest_timer_signs_the_chain_head_and_the_export_verifies_with_the_anonymous_signing_key()
    {
        var mediaId = worker.Sandbox.CreateMedia(WhatsAppMedia.Sandbox.ProviderKind.Meta);
        using var delete = new HttpRequestMessage(HttpMethod.Delete, new Uri($"api/tenants/demo-meta/media/{mediaId}", UriKind.Relative));
        delete.Headers.Add("X-Api-Key", WorkerFixture.DemoApiKey);
        using (var deleted = await worker.Http.SendAsync(delete))
        {
            deleted.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var guard = new CancellationTokenSource(WorkerFixture.Guard);
        var invocation = await worker.Host.InvokeTimerAsync("SignReceiptDigests", guard.Token);
        invocation.Result.Status.ShouldBe(StatusResult.Types.Status.Success, invocation.Result.Exception?.Message);

        // Anonymous: no API key.
        using var keyAnswer = await worker.Http.GetAsync(new Uri("api/receipts/signing-key", UriKind.Relative));
        keyAnswer.StatusCode.ShouldBe(HttpStatusCode.OK, await keyAnswer.Content.ReadAsStringAsync());
        var keyJson = await keyAnswer.Content.ReadAsStringAsync();
        var publicKey = ReceiptPublicKey.Parse(keyJson);
        File.Exists(worker.SigningKeyFile).ShouldBeTrue();
        JsonDocument.Parse(keyJson).RootElement.GetProperty("jwk").GetProperty("kid").GetString().ShouldBe(publicKey.KeyId);

        using var export = new HttpRequestMessage(HttpMethod.Get, new Uri($"api/tenants/demo-meta/receipts?mediaId={mediaId}", UriKind.Relative));
        export.Headers.Add("X-Api-Key", WorkerFixture.DemoApiKey);
        using var exported = await worker.Http.SendAsync(export);
        var lines = (await exported.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2, "the receipt, and the digest of it: the chain's head");
        var verification = ReceiptVerifier.Verify(lines, allowGaps: true, publicKey);
        verification.IsValid.ShouldBeTrue(verification.Problem);
        (verification.Digests, verification.SignaturesChecked).ShouldBe((1, true));
    }
}
