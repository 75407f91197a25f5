using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Scheduling;
using WhatsAppMedia.DevHost.Azurite;

namespace WhatsAppMedia.Load;

/// <summary>
/// The schedule sweep at scale (docs/scheduling.md, "The sweep"): many scheduled deletions in the schedule table of a
/// fresh Azurite, all due at once, swept by one or two instances onto a real Azurite queue. Reports how long after its
/// due time each item reached the queue (p50/p99/max: the worst case, every item already due when the sweep starts,
/// as after an outage of every instance) and the storage requests per item, counted on the wire.
/// </summary>
internal static class ScheduleSweepBenchmark
{
    private const int ItemsPerBatch = 1000;

    public static async Task<int> RunAsync(int items, int sweepers)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Schedule sweep run {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC: {items:N0} items, {sweepers} sweeper(s); {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}"));
        await using var azurite = await AzuriteProcess.StartAsync();
        var queue = new QueueClient(azurite.ConnectionString, "bench-schedule", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.CreateIfNotExistsAsync();
        var due = TimeProvider.System.GetUtcNow();
        var messages = Enumerable.Range(0, items)
            .Select(index => new DeletionMessage("bench", $"{1_000_000 + index}", BatchId: $"{index / ItemsPerBatch:x32}", ItemIndex: index % ItemsPerBatch, DeleteAt: due))
            .ToList();

        var writing = Stopwatch.StartNew();
        using (var written = StorageTrace.Start())
        {
            foreach (var chunk in messages.Chunk(ItemsPerBatch))
            {
                await new TableScheduleStore(new TableServiceClient(azurite.ConnectionString)).AddAsync(chunk, CancellationToken.None);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\nWriting the rows (as POSTs of 1,000 items do): {writing.Elapsed.TotalSeconds:0.0} s\n"));
            Console.WriteLine(written.Table());
        }

        var recorders = Enumerable.Range(0, sweepers).Select(_ => new TimedQueue(queue)).ToList();
        var sweeping = Stopwatch.StartNew();
        using var trace = StorageTrace.Start();
        var options = Options.Create(new SchedulingOptions());
        var queued = await Task.WhenAll(recorders.Select(recorder =>
            new ScheduleSweepJob(new TableScheduleStore(new TableServiceClient(azurite.ConnectionString)), recorder, options, TimeProvider.System, NullLogger<ScheduleSweepJob>.Instance).RunAsync()));
        var elapsed = sweeping.Elapsed;

        var lateness = recorders.SelectMany(recorder => recorder.QueuedAt).Select(at => (at - due).TotalSeconds).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"\nSweep: {queued.Sum():N0} queued in {elapsed.TotalSeconds:0.0} s ({queued.Sum() / elapsed.TotalSeconds:0} items/s); due → queued p50 {Percentiles.Of(lateness, 0.50):0.0} s, p99 {Percentiles.Of(lateness, 0.99):0.0} s, max {lateness.LastOrDefault():0.0} s\n"));
        Console.WriteLine(trace.Table());
        return queued.Sum() == items ? 0 : 1;
    }

    /// <summary>The real queue, noting when each message was put on it.</summary>
    private sealed class TimedQueue(QueueClient queue) : IDeletionQueue
    {
        public ConcurrentBag<DateTimeOffset> QueuedAt { get; } = [];

        public async Task EnqueueAsync(DeletionMessage message, TimeSpan visibilityDelay, CancellationToken cancellationToken = default)
        {
            await queue.SendMessageAsync(message.ToJson(), QueueVisibilityDelay.For(message, visibilityDelay), cancellationToken: cancellationToken);
            QueuedAt.Add(TimeProvider.System.GetUtcNow());
        }

        public Task WriteFailedAsync(FailedDeletion failure, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
