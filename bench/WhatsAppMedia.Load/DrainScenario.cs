using System.Diagnostics;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.Load;

/// <summary>
/// A full queue against a slow provider: <c>messages</c> deletion messages are put straight on the work queue (as any
/// producer would), all hidden until the same moment so the host finds a full queue, and the sandbox answers each
/// delete after <c>providerLatency</c>. The clock runs from the sandbox receiving the first delete to its answer to the
/// last, so neither the filling nor the engine's idle polling is in it. The engine cannot beat
/// <c>(batchSize + newBatchThreshold) / latency</c>; the ratio to that says how close it gets.
/// </summary>
internal static class DrainScenario
{
    /// <summary>Long enough for Azurite to take every message before the first shows; checked after filling.</summary>
    private static readonly TimeSpan HiddenFor = TimeSpan.FromSeconds(15);

    public static async Task<DrainResult> RunAsync(LoadHost host, int messages, TimeSpan providerLatency, int inFlightLimit)
    {
        var ids = Enumerable.Range(0, messages).Select(_ => host.Sandbox.CreateMedia(ProviderKind.Meta)).ToList();
        host.Sandbox.Meta.InjectFault(SandboxFault.Latency(providerLatency), times: messages);
        try
        {
            var requestsBefore = host.Sandbox.Meta.RequestsSeen;
            var firstArrived = host.Sandbox.Meta.WaitForRequestsAsync(requestsBefore + 1)
                .ContinueWith(_ => (At: Stopwatch.GetTimestamp(), Cpu: CpuUse.Now(host)), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

            var filling = Stopwatch.GetTimestamp();
            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (id, cancellationToken) =>
                await host.WorkQueue.SendMessageAsync(
                    new DeletionMessage(BulkDeletionScenario.Tenant, id).ToJson(), HiddenFor, cancellationToken: cancellationToken));
            var filled = Stopwatch.GetElapsedTime(filling);
            if (filled >= HiddenFor || firstArrived.IsCompleted)
            {
                throw new InvalidOperationException($"Filling the queue took {filled}: messages showed before it was full, so the drain would not start from a full queue.");
            }

            Console.Error.WriteLine($"  queued {messages:N0} messages in {filled.TotalSeconds:0.00} s; they show after {HiddenFor.TotalSeconds:0} s");
            using var trace = StorageTrace.Start();
            await host.WaitForDeletedAsync(ids, requestsBefore + messages);
            var (firstAt, cpuAtFirst) = await firstArrived;
            var elapsed = Stopwatch.GetElapsedTime(firstAt, Stopwatch.GetTimestamp());

            // Charged from the first delete, like the clock: the wait for the hidden messages to show is not the drain's.
            return new DrainResult(providerLatency, messages, inFlightLimit, elapsed, ids.Count(host.Sandbox.Meta.HasMedia), trace.Table(), CpuUse.Since(host, cpuAtFirst));
        }
        finally
        {
            host.Sandbox.Meta.ClearFaults();
        }
    }
}
