using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using WhatsAppMedia.Core.Batches;
using WhatsAppMedia.Core.Deletions;
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
}
