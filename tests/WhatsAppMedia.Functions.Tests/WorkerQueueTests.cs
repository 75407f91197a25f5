using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Functions.Tests.Rpc;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.Functions.Tests;

/// <summary>
/// The queue function of the deployable worker. The test receives each message from Azurite itself and invokes the
/// function with it as the Storage Queues extension would; what the host then does with the outcome (delete the
/// message on success, leave it to reappear and poison it after maxDequeueCount on failure) is the extension's code,
/// which the test host does not run.
/// </summary>
[Collection(WorkerCollection.Name)]
public sealed class WorkerQueueTests(WorkerFixture worker)
{
    [Fact]
    public async Task A_message_is_deleted_through_its_tenants_provider()
    {
        var mediaId = worker.Sandbox.CreateMedia(ProviderKind.Aws);

        var invocation = await InvokeWithAsync($$"""{"tenantId":"demo-aws","mediaId":"{{mediaId}}"}""");

        invocation.Result.Status.ShouldBe(StatusResult.Types.Status.Success);
        worker.Sandbox.Aws.HasMedia(mediaId).ShouldBeFalse();
    }

    [Fact]
    public async Task A_transient_provider_failure_fails_the_invocation_so_the_host_retries_it()
    {
        var mediaId = worker.Sandbox.CreateMedia(ProviderKind.Meta);
        worker.Sandbox.Meta.InjectFault(SandboxFault.ServerError(503));

        var invocation = await InvokeWithAsync($$"""{"tenantId":"demo-meta","mediaId":"{{mediaId}}"}""");

        invocation.Result.Status.ShouldBe(StatusResult.Types.Status.Failure);
        invocation.Result.Exception.Message.ShouldContain("provider_unavailable");
        worker.Sandbox.Meta.HasMedia(mediaId).ShouldBeTrue();
        (await FailedMessagesAsync()).ShouldNotContain(failed => failed.Contains(mediaId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_malformed_message_completes_and_is_set_aside_in_the_failed_queue()
    {
        var marker = Guid.NewGuid().ToString("N");

        var invocation = await InvokeWithAsync($"not json {marker}");

        invocation.Result.Status.ShouldBe(StatusResult.Types.Status.Success);
        var failed = (await FailedMessagesAsync()).Select(text => JsonDocument.Parse(text).RootElement)
            .Single(message => message.GetProperty("message").GetString() == $"not json {marker}");
        failed.GetProperty("code").GetString().ShouldBe("malformed_message");
    }

    [Fact]
    public async Task An_invocation_the_host_cancels_mid_provider_call_fails_without_a_failed_entry_and_its_redelivery_deletes()
    {
        var (mediaId, release, requestSent) = HoldOneMetaCall();
        var received = await ReceiveAsync($$"""{"tenantId":"demo-meta","mediaId":"{{mediaId}}"}""");

        using var guard = new CancellationTokenSource(WorkerFixture.Guard);
        var cancelled = await worker.Host.InvokeQueueAsync(received, requestSent, guard.Token);

        // Not completed, so the host makes the message visible again; nothing set aside.
        cancelled.Result.Status.ShouldNotBe(StatusResult.Types.Status.Success);
        (await FailedMessagesAsync()).ShouldNotContain(failed => failed.Contains(mediaId, StringComparison.Ordinal));

        release.SetResult();
        var redelivered = await worker.Host.InvokeQueueAsync(Redelivered(received, 2), guard.Token);
        redelivered.Result.Status.ShouldBe(StatusResult.Types.Status.Success, redelivered.Result.Exception?.Message);
        worker.Sandbox.Meta.HasMedia(mediaId).ShouldBeFalse();
        await worker.QueueNamed(worker.Queue).DeleteMessageAsync(received.MessageId, received.PopReceipt);
    }

    [Fact]
    public async Task A_last_delivery_the_host_cancels_is_queued_again_as_a_new_message_instead_of_being_poisoned()
    {
        var (mediaId, release, requestSent) = HoldOneMetaCall();
        var received = await ReceiveAsync($$"""{"tenantId":"demo-meta","mediaId":"{{mediaId}}","attempt":1}""");

        using var guard = new CancellationTokenSource(WorkerFixture.Guard);
        // host.json's maxDequeueCount is 5: a failed fifth delivery is moved to -poison by the host.
        var cancelled = await worker.Host.InvokeQueueAsync(Redelivered(received, 5), requestSent, guard.Token);

        cancelled.Result.Status.ShouldBe(StatusResult.Types.Status.Success, "completed, so the host deletes it rather than poisoning it");
        await worker.QueueNamed(worker.Queue).DeleteMessageAsync(received.MessageId, received.PopReceipt);
        (await FailedMessagesAsync()).ShouldNotContain(failed => failed.Contains(mediaId, StringComparison.Ordinal));
        release.SetResult();

        var copy = await ReceiveMatchingAsync(text => text.Contains(mediaId, StringComparison.Ordinal));
        copy.DequeueCount.ShouldBe(1);
        JsonDocument.Parse(copy.Body.ToString()).RootElement.GetProperty("attempt").GetInt32().ShouldBe(1);
        var redelivered = await worker.Host.InvokeQueueAsync(copy, guard.Token);
        redelivered.Result.Status.ShouldBe(StatusResult.Types.Status.Success, redelivered.Result.Exception?.Message);
        worker.Sandbox.Meta.HasMedia(mediaId).ShouldBeFalse();
        await worker.QueueNamed(worker.Queue).DeleteMessageAsync(copy.MessageId, copy.PopReceipt);
    }

    /// <summary>
    /// New Meta media whose next deletion request is held until <c>release</c>: the cancelled call then carries on in
    /// the worker and is applied, as a request already on the wire may be, so a redelivery's answer is deleted or not
    /// found, both a success. <c>requestSent</c> completes once the held request has reached the sandbox.
    /// </summary>
    private (string MediaId, TaskCompletionSource Release, Task RequestSent) HoldOneMetaCall()
    {
        var mediaId = worker.Sandbox.CreateMedia(ProviderKind.Meta);
        var release = new TaskCompletionSource();
        worker.Sandbox.Meta.InjectFault(SandboxFault.Hold(release.Task), times: 1);
        return (mediaId, release, worker.Sandbox.Meta.WaitForRequestsAsync(worker.Sandbox.Meta.RequestsSeen + 1));
    }

    /// <summary>The same message as the queue would deliver it for the <paramref name="dequeueCount"/>th time.</summary>
    private static QueueMessage Redelivered(QueueMessage message, long dequeueCount) =>
        QueuesModelFactory.QueueMessage(message.MessageId, message.PopReceipt, message.Body, dequeueCount, message.NextVisibleOn, message.InsertedOn, message.ExpiresOn);

    private async Task<QueueMessage> ReceiveAsync(string text)
    {
        var queue = worker.QueueNamed(worker.Queue);
        await queue.CreateIfNotExistsAsync();
        var sent = (await queue.SendMessageAsync(text)).Value;
        return await ReceiveMatchingAsync(_ => true, sent.MessageId);
    }

    /// <summary>Receives until a message matches, hiding the others (other tests' messages) for a while.</summary>
    private async Task<QueueMessage> ReceiveMatchingAsync(Func<string, bool> matches, string? messageId = null)
    {
        var queue = worker.QueueNamed(worker.Queue);
        using var guard = new CancellationTokenSource(WorkerFixture.Guard);
        while (true)
        {
            foreach (var received in (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5), guard.Token)).Value)
            {
                if ((messageId is null || received.MessageId == messageId) && matches(received.Body.ToString()))
                {
                    return received;
                }
            }
        }
    }

    /// <summary>Puts <paramref name="text"/> on the work queue, receives it as the host would, and invokes the function with it.</summary>
    private async Task<InvocationResponse> InvokeWithAsync(string text)
    {
        var received = await ReceiveAsync(text);
        using var guard = new CancellationTokenSource(WorkerFixture.Guard);
        var invocation = await worker.Host.InvokeQueueAsync(received, guard.Token);
        if (invocation.Result.Status == StatusResult.Types.Status.Success)
        {
            // What the host does with a message whose invocation succeeded.
            await worker.QueueNamed(worker.Queue).DeleteMessageAsync(received.MessageId, received.PopReceipt);
        }

        return invocation;
    }

    private async Task<string[]> FailedMessagesAsync()
    {
        var failed = worker.QueueNamed(worker.Queue + "-failed");
        if (!(await failed.ExistsAsync()).Value)
        {
            return [];
        }

        return [.. (await failed.PeekMessagesAsync(32)).Value.Select(message => message.Body.ToString())];
    }
}
