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

    /// <summary>Puts <paramref name="text"/> on the work queue, receives it as the host would, and invokes the function with it.</summary>
    private async Task<InvocationResponse> InvokeWithAsync(string text)
    {
        var queue = worker.QueueNamed(worker.Queue);
        await queue.CreateIfNotExistsAsync();
        var sent = (await queue.SendMessageAsync(text)).Value;
        QueueMessage received;
        do
        {
            // Other tests' messages (the batch test's) may be ahead of this one; hide them for a while and look again.
            received = (await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(5))).Value.Single();
        }
        while (received.MessageId != sent.MessageId);

        using var guard = new CancellationTokenSource(WorkerFixture.Guard);
        var invocation = await worker.Host.InvokeQueueAsync(received, guard.Token);
        if (invocation.Result.Status == StatusResult.Types.Status.Success)
        {
            // What the host does with a message whose invocation succeeded.
            await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt);
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
