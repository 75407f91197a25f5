using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Tests.Support;

namespace WhatsAppMedia.Core.Tests.Deletions;

/// <summary>The work queue on a real Azurite: what visibility delay goes on the wire.</summary>
public sealed class StorageDeletionQueueTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_delay_counts_from_the_call_so_creating_the_queues_first_does_not_add_to_it()
    {
        var clock = new FakeTimeProvider(Now);
        var puts = new List<string>();

        // Creating each queue takes 600 ms of the clock, as an instance's first call can.
        var options = new QueueClientOptions();
        options.AddPolicy(new Recorder(clock, puts), HttpPipelinePosition.PerCall);
        var queue = new StorageDeletionQueue(
            new QueueServiceClient(fixture.Azurite.ConnectionString, options),
            Options.Create(new MediaDeletionOptions { Queue = AzuriteFixture.NewQueueName("delay") }),
            clock);

        await queue.EnqueueAsync(new DeletionMessage("acme", "m0", NotBefore: Now + TimeSpan.FromSeconds(3)), TimeSpan.FromSeconds(3));
        await queue.EnqueueAsync(new DeletionMessage("acme", "m1", NotBefore: Now + TimeSpan.FromSeconds(4)), TimeSpan.FromSeconds(3));

        puts.ShouldBe(["visibilitytimeout=2", "visibilitytimeout=3"], "3 s asked, 1.2 s of it spent creating the queues; the second put waits for nothing");
    }

    /// <summary>Notes each Put Message's visibility timeout; lets 600 ms pass on every queue creation.</summary>
    private sealed class Recorder(FakeTimeProvider clock, List<string> puts) : HttpPipelineSynchronousPolicy
    {
        public override void OnReceivedResponse(HttpMessage message)
        {
            var uri = message.Request.Uri.ToUri();
            if (message.Request.Method == RequestMethod.Put && !uri.AbsolutePath.EndsWith("/messages", StringComparison.Ordinal))
            {
                clock.Advance(TimeSpan.FromMilliseconds(600));
            }
            else if (message.Request.Method == RequestMethod.Post)
            {
                puts.Add(uri.Query.TrimStart('?').Split('&').Single(part => part.StartsWith("visibilitytimeout=", StringComparison.Ordinal)));
            }
        }
    }
}
