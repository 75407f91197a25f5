using WhatsAppMedia.Core.Queues;
using WhatsAppMedia.Core.Tests.Support;

namespace WhatsAppMedia.Core.Tests.Queues;

/// <summary>Every queue operation against a real Azurite, with shared-key signing.</summary>
public sealed class StorageQueueOperationsTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan LongTimeout = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task CreateIfNotExists_creates_once_then_reports_the_existing_queue()
    {
        var queue = fixture.Account().GetQueue(AzuriteFixture.NewQueueName());

        (await queue.CreateIfNotExistsAsync()).ShouldBeTrue();
        (await queue.CreateIfNotExistsAsync()).ShouldBeFalse();
        (await queue.GetApproximateMessageCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_sent_message_is_received_with_its_id_receipt_count_and_times()
    {
        var queue = await fixture.NewQueueAsync();

        var sent = await queue.SendAsync("{\"tenantId\":\"acme\",\"mediaId\":\"1234\"}");
        var received = (await queue.ReceiveAsync(1, LongTimeout)).ShouldHaveSingleItem();

        received.MessageId.ShouldBe(sent.MessageId);
        received.Text.ShouldBe("{\"tenantId\":\"acme\",\"mediaId\":\"1234\"}");
        received.DequeueCount.ShouldBe(1);
        received.InsertionTime.ShouldBe(sent.InsertionTime);
        received.PopReceipt.ShouldNotBeNullOrWhiteSpace();
        received.NextVisibleOn.ShouldBeGreaterThan(received.InsertionTime);
    }

    [Fact]
    public async Task Messages_live_forever_unless_a_time_to_live_is_given()
    {
        var queue = await fixture.NewQueueAsync();

        var forever = await queue.SendAsync("forever");
        var brief = await queue.SendAsync("brief", timeToLive: TimeSpan.FromHours(1));

        forever.ExpirationTime.Year.ShouldBe(9999);
        (brief.ExpirationTime - brief.InsertionTime).ShouldBe(TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task Receive_returns_at_most_the_asked_number_and_nothing_from_an_empty_queue()
    {
        var queue = await fixture.NewQueueAsync();
        (await queue.ReceiveAsync(32, LongTimeout)).ShouldBeEmpty();
        for (var i = 0; i < 5; i++)
        {
            await queue.SendAsync($"message {i}");
        }

        var first = await queue.ReceiveAsync(3, LongTimeout);
        var rest = await queue.ReceiveAsync(32, LongTimeout);

        first.Count.ShouldBe(3);
        rest.Count.ShouldBe(2);
        first.Concat(rest).Select(m => m.Text).Order().ShouldBe(Enumerable.Range(0, 5).Select(i => $"message {i}"));
    }

    [Fact]
    public async Task A_received_message_is_invisible_until_its_visibility_is_set_to_zero()
    {
        var queue = await fixture.NewQueueAsync();
        await queue.SendAsync("hide me");

        var first = (await queue.ReceiveAsync(1, LongTimeout)).ShouldHaveSingleItem();
        (await queue.ReceiveAsync(32, LongTimeout)).ShouldBeEmpty();
        (await queue.PeekAsync(32)).ShouldBeEmpty();
        (await queue.GetApproximateMessageCountAsync()).ShouldBe(1);

        var visibility = await queue.UpdateVisibilityAsync(first.MessageId, first.PopReceipt, TimeSpan.Zero);
        var second = (await queue.ReceiveAsync(1, LongTimeout)).ShouldHaveSingleItem();

        visibility.PopReceipt.ShouldNotBe(first.PopReceipt);
        second.MessageId.ShouldBe(first.MessageId);
        second.DequeueCount.ShouldBe(2);
        second.Text.ShouldBe("hide me");
    }

    [Fact]
    public async Task Update_visibility_hides_a_message_again_and_returns_a_working_pop_receipt()
    {
        var queue = await fixture.NewQueueAsync();
        await queue.SendAsync("extend me");
        var received = (await queue.ReceiveAsync(1, TimeSpan.FromSeconds(1))).ShouldHaveSingleItem();

        var visibility = await queue.UpdateVisibilityAsync(received.MessageId, received.PopReceipt, LongTimeout);

        visibility.NextVisibleOn.ShouldBeGreaterThan(received.NextVisibleOn);
        (await queue.ReceiveAsync(32, LongTimeout)).ShouldBeEmpty();
        await queue.DeleteAsync(received.MessageId, visibility.PopReceipt);
        (await queue.GetApproximateMessageCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_message_sent_with_a_delay_is_counted_but_not_received_until_then()
    {
        var queue = await fixture.NewQueueAsync();

        var sent = await queue.SendAsync("later", visibilityDelay: TimeSpan.FromMinutes(5));

        (sent.NextVisibleOn - sent.InsertionTime).ShouldBe(TimeSpan.FromMinutes(5));
        (await queue.ReceiveAsync(32, LongTimeout)).ShouldBeEmpty();
        (await queue.PeekAsync(32)).ShouldBeEmpty();
        (await queue.GetApproximateMessageCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_fractional_delay_rounds_up_to_whole_seconds()
    {
        var queue = await fixture.NewQueueAsync();

        var sent = await queue.SendAsync("later", visibilityDelay: TimeSpan.FromMilliseconds(1500));

        (sent.NextVisibleOn - sent.InsertionTime).ShouldBe(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Peek_shows_messages_without_receiving_them()
    {
        var queue = await fixture.NewQueueAsync();
        var sent = await queue.SendAsync("look at me");

        var peeked = (await queue.PeekAsync(32)).ShouldHaveSingleItem();
        var received = (await queue.ReceiveAsync(1, LongTimeout)).ShouldHaveSingleItem();

        peeked.MessageId.ShouldBe(sent.MessageId);
        peeked.Text.ShouldBe("look at me");
        peeked.DequeueCount.ShouldBe(0);
        received.DequeueCount.ShouldBe(1);
    }

    [Fact]
    public async Task Delete_removes_the_message_for_good()
    {
        var queue = await fixture.NewQueueAsync();
        await queue.SendAsync("delete me");
        await queue.SendAsync("keep me");
        var received = (await queue.ReceiveAsync(1, TimeSpan.FromSeconds(1))).ShouldHaveSingleItem();

        await queue.DeleteAsync(received.MessageId, received.PopReceipt);

        (await queue.GetApproximateMessageCountAsync()).ShouldBe(1);
        var error = await Should.ThrowAsync<QueueStorageException>(() => queue.DeleteAsync(received.MessageId, received.PopReceipt));
        error.Status.ShouldBe(404);
        error.ErrorCode.ShouldBe(QueueStorageErrorCodes.MessageNotFound);
    }

    [Fact]
    public async Task A_sender_can_delete_its_message_with_the_send_receipt()
    {
        var queue = await fixture.NewQueueAsync();
        var sent = await queue.SendAsync("oops", visibilityDelay: TimeSpan.FromMinutes(5));

        await queue.DeleteAsync(sent.MessageId, sent.PopReceipt);

        (await queue.GetApproximateMessageCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Delete_with_a_stale_pop_receipt_is_refused_and_keeps_the_message()
    {
        var queue = await fixture.NewQueueAsync();
        await queue.SendAsync("contended");
        var first = (await queue.ReceiveAsync(1, LongTimeout)).ShouldHaveSingleItem();
        var visibility = await queue.UpdateVisibilityAsync(first.MessageId, first.PopReceipt, LongTimeout);

        var error = await Should.ThrowAsync<QueueStorageException>(() => queue.DeleteAsync(first.MessageId, first.PopReceipt));

        error.Status.ShouldBe(400);
        error.ErrorCode.ShouldBe(QueueStorageErrorCodes.PopReceiptMismatch);
        error.Operation.ShouldBe("DeleteMessage");
        error.QueueName.ShouldBe(queue.Name);
        error.Message.ShouldContain("PopReceiptMismatch");
        error.Message.ShouldNotContain(first.PopReceipt);
        (await queue.GetApproximateMessageCountAsync()).ShouldBe(1);
        await queue.DeleteAsync(first.MessageId, visibility.PopReceipt);
    }

    [Fact]
    public async Task Update_visibility_with_a_stale_pop_receipt_is_refused()
    {
        var queue = await fixture.NewQueueAsync();
        await queue.SendAsync("contended");
        var first = (await queue.ReceiveAsync(1, LongTimeout)).ShouldHaveSingleItem();
        await queue.UpdateVisibilityAsync(first.MessageId, first.PopReceipt, LongTimeout);

        var error = await Should.ThrowAsync<QueueStorageException>(
            () => queue.UpdateVisibilityAsync(first.MessageId, first.PopReceipt, TimeSpan.Zero));

        error.ErrorCode.ShouldBe(QueueStorageErrorCodes.PopReceiptMismatch);
        (await queue.ReceiveAsync(32, LongTimeout)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_message_id_is_MessageNotFound_and_a_hostile_one_stays_one_path_segment()
    {
        var queue = await fixture.NewQueueAsync();
        await queue.SendAsync("bystander");
        var bystander = (await queue.ReceiveAsync(1, LongTimeout)).ShouldHaveSingleItem();

        foreach (var id in new[] { Guid.NewGuid().ToString(), "../messages", "%2E%2E", "a/b?c#d" })
        {
            var error = await Should.ThrowAsync<QueueStorageException>(() => queue.DeleteAsync(id, bystander.PopReceipt));
            error.ErrorCode.ShouldNotBeNull();
            error.Status.ShouldBeOneOf(400, 404);
        }

        (await queue.GetApproximateMessageCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Every_operation_on_a_missing_queue_is_QueueNotFound()
    {
        var queue = fixture.Account().GetQueue(AzuriteFixture.NewQueueName("missing"));
        var operations = new Func<Task>[]
        {
            () => queue.SendAsync("lost"),
            () => queue.ReceiveAsync(1, LongTimeout),
            () => queue.PeekAsync(1),
            () => queue.DeleteAsync(Guid.NewGuid().ToString(), "receipt"),
            () => queue.UpdateVisibilityAsync(Guid.NewGuid().ToString(), "receipt", TimeSpan.Zero),
            () => queue.GetApproximateMessageCountAsync(),
        };

        foreach (var operation in operations)
        {
            var error = await Should.ThrowAsync<QueueStorageException>(operation);
            error.Status.ShouldBe(404);
            error.ErrorCode.ShouldBe(QueueStorageErrorCodes.QueueNotFound);
            error.Message.ShouldContain(queue.Name);
        }
    }

    [Fact]
    public async Task The_approximate_count_follows_sends_and_deletes()
    {
        var queue = await fixture.NewQueueAsync();
        for (var i = 0; i < 3; i++)
        {
            await queue.SendAsync($"message {i}");
        }

        (await queue.GetApproximateMessageCountAsync()).ShouldBe(3);
        foreach (var message in await queue.ReceiveAsync(2, LongTimeout))
        {
            await queue.DeleteAsync(message.MessageId, message.PopReceipt);
        }

        (await queue.GetApproximateMessageCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_cancelled_token_stops_the_call()
    {
        var queue = await fixture.NewQueueAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => queue.SendAsync("never", cancellationToken: cancelled.Token));

        (await queue.GetApproximateMessageCountAsync()).ShouldBe(0);
    }
}
