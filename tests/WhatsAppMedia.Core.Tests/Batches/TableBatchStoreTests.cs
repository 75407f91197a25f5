using Azure;
using Azure.Data.Tables;
using WhatsAppMedia.Core.Batches;
using WhatsAppMedia.Core.Pacing;
using WhatsAppMedia.Core.Tests.Support;

namespace WhatsAppMedia.Core.Tests.Batches;

/// <summary>Batch state on a real Azurite table service: counting, idempotence under redelivery, concurrency, retention.</summary>
public sealed class TableBatchStoreTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Created = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly TableBatchStore _store = new(fixture.Tables());

    [Fact]
    public async Task A_new_batch_is_all_pending_and_only_its_tenant_sees_it()
    {
        var batchId = await NewBatchAsync("acme", 250);

        var status = (await _store.GetAsync("acme", batchId))!;

        status.Total.ShouldBe(250);
        status.Counts[BatchItemState.Pending].ShouldBe(250);
        status.Done.ShouldBeFalse();
        status.CreatedAt.ShouldBe(Created);
        status.Failures.ShouldBeEmpty();
        (await _store.GetAsync("other", batchId)).ShouldBeNull("another tenant's batch looks like an unknown one");
        (await _store.GetAsync("acme", BatchIds.New())).ShouldBeNull();
    }

    [Fact]
    public async Task Outcomes_are_counted_once_however_often_they_are_delivered()
    {
        var batchId = await NewBatchAsync("acme", 4);

        await _store.RecordAsync("acme", batchId, 0, Outcome(BatchItemState.Deleted));
        await _store.RecordAsync("acme", batchId, 0, Outcome(BatchItemState.NotFound));
        await _store.RecordAsync("acme", batchId, 1, Outcome(BatchItemState.NotFound));
        await _store.RecordAsync("acme", batchId, 2, Outcome(BatchItemState.Failed, "provider_rejected"));
        await _store.RecordAsync("acme", batchId, 2, Outcome(BatchItemState.Failed, "provider_rejected"));
        await _store.RecordAsync("acme", batchId, 3, Outcome(BatchItemState.Poisoned, "provider_unavailable"));

        var status = (await _store.GetAsync("acme", batchId))!;
        status.Counts.ShouldBe(new Dictionary<BatchItemState, int>
        {
            [BatchItemState.Pending] = 0, [BatchItemState.Deleted] = 1, [BatchItemState.NotFound] = 1, [BatchItemState.Failed] = 1, [BatchItemState.Poisoned] = 1, [BatchItemState.Cancelled] = 0,
            [BatchItemState.ExpiredAtProvider] = 0,
        });
        status.Done.ShouldBeTrue();
        status.Failures.Select(failure => (failure.Index, failure.MediaId, failure.State, failure.Code))
            .ShouldBe([(2, "media-2", BatchItemState.Failed, "provider_rejected"), (3, "media-3", BatchItemState.Poisoned, "provider_unavailable")]);
    }

    [Fact]
    public async Task A_redriven_item_goes_back_to_pending_and_then_takes_its_new_outcome()
    {
        var batchId = await NewBatchAsync("acme", 1);
        await _store.RecordAsync("acme", batchId, 0, Outcome(BatchItemState.Poisoned, "provider_unavailable"));

        (await _store.ResetAsync("acme", batchId, 0)).ShouldBeTrue();
        (await _store.GetAsync("acme", batchId))!.Counts[BatchItemState.Pending].ShouldBe(1);
        await _store.RecordAsync("acme", batchId, 0, Outcome(BatchItemState.Deleted));

        var status = (await _store.GetAsync("acme", batchId))!;
        status.Counts[BatchItemState.Deleted].ShouldBe(1);
        status.Failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_success_replaces_a_failure_but_a_failure_never_replaces_a_success()
    {
        var batchId = await NewBatchAsync("acme", 2);
        await _store.RecordAsync("acme", batchId, 0, Outcome(BatchItemState.Failed, "provider_rejected"));
        await _store.RecordAsync("acme", batchId, 0, Outcome(BatchItemState.Deleted));
        await _store.RecordAsync("acme", batchId, 1, Outcome(BatchItemState.Deleted));
        await _store.RecordAsync("acme", batchId, 1, Outcome(BatchItemState.Poisoned, "provider_unavailable"));

        (await _store.GetAsync("acme", batchId))!.Counts[BatchItemState.Deleted].ShouldBe(2);
    }

    [Fact]
    public async Task Concurrent_writers_lose_no_update()
    {
        var batchId = await NewBatchAsync("acme", 50);

        // Every item written by several writers at once, half of them racing on the same rows.
        await Parallel.ForEachAsync(
            Enumerable.Range(0, 200),
            new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (n, token) => await _store.RecordAsync("acme", batchId, n % 50, Outcome(n % 2 == 0 ? BatchItemState.Deleted : BatchItemState.NotFound), token));

        var status = (await _store.GetAsync("acme", batchId))!;
        (status.Counts[BatchItemState.Deleted] + status.Counts[BatchItemState.NotFound]).ShouldBe(50);
        status.Done.ShouldBeTrue();
    }

    [Fact]
    public async Task An_outcome_for_an_unknown_item_or_another_tenant_changes_nothing()
    {
        var batchId = await NewBatchAsync("acme", 1);

        (await _store.RecordAsync("acme", batchId, 7, Outcome(BatchItemState.Deleted))).ShouldBeFalse();
        (await _store.RecordAsync("intruder", batchId, 0, Outcome(BatchItemState.Deleted))).ShouldBeFalse();
        (await _store.RecordAsync("acme", BatchIds.New(), 0, Outcome(BatchItemState.Deleted))).ShouldBeFalse();

        (await _store.GetAsync("acme", batchId))!.Counts[BatchItemState.Pending].ShouldBe(1);
    }

    [Fact]
    public async Task Retention_removes_old_batches_whole_and_keeps_newer_ones()
    {
        var store = new TableBatchStore(fixture.Tables());
        var old = BatchIds.New();
        var recent = BatchIds.New();
        var longAgo = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await store.CreateAsync("acme", old, longAgo, Seeds(150));
        await store.CreateAsync("acme", recent, longAgo.AddDays(40), Seeds(1));

        var removed = await store.RemoveCreatedBeforeAsync(longAgo.AddDays(30));

        removed.ShouldBe(1);
        (await store.GetAsync("acme", old)).ShouldBeNull();
        (await store.RecordAsync("acme", old, 3, Outcome(BatchItemState.Deleted))).ShouldBeFalse("its item rows are gone too");
        (await store.GetAsync("acme", recent)).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_table_deleted_under_a_running_store_is_created_again()
    {
        await NewBatchAsync("acme", 1);
        await fixture.Tables().DeleteTableAsync(TableBatchStore.TableName);

        var batchId = await NewBatchAsync("acme", 2);

        (await _store.GetAsync("acme", batchId))!.Total.ShouldBe(2);
    }

    [Fact]
    public async Task With_table_storage_down_every_call_fails_with_the_storage_error()
    {
        var down = new TableBatchStore(new TableServiceClient(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={WhatsAppMedia.Core.Queues.DevelopmentStorage.AccountKey};TableEndpoint=http://127.0.0.1:1/devstoreaccount1;",
            new TableClientOptions { Retry = { MaxRetries = 0 } }));

        await Should.ThrowAsync<RequestFailedException>(() => down.CreateAsync("acme", BatchIds.New(), Created, Seeds(1)));
        await Should.ThrowAsync<RequestFailedException>(() => down.GetAsync("acme", BatchIds.New()));
    }

    [Fact]
    public async Task Next_attempt_is_the_earliest_slot_of_a_pending_item_and_follows_a_reschedule()
    {
        var batchId = BatchIds.New();
        var seeds = Enumerable.Range(0, 3).Select(index => new BatchItemSeed(index, $"media-{index}", Slot: index)).ToList();
        await _store.CreateAsync("acme", batchId, Created, seeds);
        (await _store.GetAsync("acme", batchId))!.NextAttemptAt.ShouldBeNull("no slots are reserved yet");

        (await _store.RecordSlotsAsync("acme", batchId, new PacingReservation(Created.AddSeconds(10), TimeSpan.FromSeconds(1), 3))).ShouldBeTrue();
        (await _store.GetAsync("acme", batchId))!.NextAttemptAt.ShouldBe(Created.AddSeconds(10));

        await _store.RecordAsync("acme", batchId, 0, Outcome(BatchItemState.Deleted));
        (await _store.GetAsync("acme", batchId))!.NextAttemptAt.ShouldBe(Created.AddSeconds(11), "a settled item has no next attempt");

        (await _store.RescheduleAsync("acme", batchId, 1, Created.AddMinutes(5))).ShouldBeTrue();
        (await _store.GetAsync("acme", batchId))!.NextAttemptAt.ShouldBe(Created.AddSeconds(12));

        (await _store.RescheduleAsync("acme", batchId, 0, Created.AddSeconds(1))).ShouldBeTrue();
        (await _store.GetAsync("acme", batchId))!.NextAttemptAt.ShouldBe(Created.AddSeconds(12), "a late message does not reopen a settled item");
        (await _store.RescheduleAsync("other", batchId, 2, Created)).ShouldBeFalse();
    }

    [Fact]
    public async Task Slots_are_recorded_only_on_the_tenants_existing_batch()
    {
        var slots = new PacingReservation(Created, TimeSpan.FromSeconds(1), 1);
        var batchId = BatchIds.New();
        var longAgo = new DateTimeOffset(1999, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await _store.CreateAsync("acme", batchId, longAgo, Seeds(1));

        (await _store.RecordSlotsAsync("other", batchId, slots)).ShouldBeFalse();
        (await _store.RecordSlotsAsync("acme", BatchIds.New(), slots)).ShouldBeFalse();
        (await _store.RemoveCreatedBeforeAsync(longAgo.AddSeconds(1))).ShouldBe(1);
        (await _store.RecordSlotsAsync("acme", batchId, slots)).ShouldBeFalse("a removed batch does not come back as a header alone");
        (await _store.GetAsync("acme", batchId)).ShouldBeNull();
    }

    [Fact]
    public async Task An_unpaced_batch_has_no_next_attempt()
    {
        var batchId = await NewBatchAsync("acme", 2);

        (await _store.GetAsync("acme", batchId))!.NextAttemptAt.ShouldBeNull();
    }

    private async Task<string> NewBatchAsync(string tenantId, int count)
    {
        var batchId = BatchIds.New();
        await _store.CreateAsync(tenantId, batchId, Created, Seeds(count));
        return batchId;
    }

    private static List<BatchItemSeed> Seeds(int count) => Enumerable.Range(0, count).Select(index => new BatchItemSeed(index, $"media-{index}")).ToList();

    private static BatchItemOutcome Outcome(BatchItemState state, string? code = null) =>
        new(state, code, code is null ? null : "because", Created.AddMinutes(1));
}
