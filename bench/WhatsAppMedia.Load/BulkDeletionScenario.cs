using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.Load;

/// <summary>
/// POST /api/tenants/demo-meta/media/deletions for fresh media ids, one request per 1,000 items, sent one after
/// another as a client would; the clock stops when the sandbox has answered the last delete.
/// </summary>
internal static class BulkDeletionScenario
{
    public const string Tenant = "demo-meta";

    /// <summary>As the service puts its messages (StorageDeletionQueue): <c>messagettl=-1</c>.</summary>
    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    public static async Task<BulkDeletionResult> RunAsync(LoadHost host, int items, TimeSpan providerLatency)
    {
        var ids = Enumerable.Range(0, items).Select(_ => host.Sandbox.CreateMedia(ProviderKind.Meta)).ToList();
        if (providerLatency > TimeSpan.Zero)
        {
            host.Sandbox.Meta.InjectFault(SandboxFault.Latency(providerLatency), times: items);
        }

        try
        {
            var requestsBefore = host.Sandbox.Meta.RequestsSeen;
            using var trace = StorageTrace.Start();
            var cpuAtStart = CpuUse.Now(host);
            var started = Stopwatch.GetTimestamp();
            var posts = 0;
            foreach (var chunk in ids.Chunk(DeletionBatch.MaxItems))
            {
                await PostAsync(host.Http, chunk);
                posts++;
            }

            var postPhase = Stopwatch.GetElapsedTime(started);
            var postCpu = CpuUse.Since(host, cpuAtStart);
            var postBreakdown = trace.Table();
            await host.WaitForDeletedAsync(ids, requestsBefore + items);
            var total = Stopwatch.GetElapsedTime(started);
            var runBreakdown = trace.Table();
            var (rowsFloor, rowsFloorCpu) = await RowsFloorAsync(host, ids);
            var (floor, floorCpu) = await PutFloorAsync(host, ids);

            return new BulkDeletionResult(
                providerLatency, items, posts, postPhase, total, ids.Count(host.Sandbox.Meta.HasMedia), postBreakdown, runBreakdown, floor, postCpu, floorCpu, rowsFloor, rowsFloorCpu);
        }
        finally
        {
            host.Sandbox.Meta.ClearFaults();
        }
    }

    /// <summary>
    /// The other floor under the POST: the batch's rows as TableBatchStore writes them (one entity group transaction per
    /// 100 items, all at once, then the batch row), written by the harness straight to a table of the same Azurite.
    /// </summary>
    private static async Task<(TimeSpan Elapsed, CpuUse Cpu)> RowsFloorAsync(LoadHost host, List<string> mediaIds)
    {
        var table = host.FloorTable;
        await table.CreateIfNotExistsAsync();
        var batchId = Guid.NewGuid().ToString("N");
        var cpuAtStart = CpuUse.Now(host);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(mediaIds.Select((id, index) => (id, index)).Chunk(100).Select(chunk => table.SubmitTransactionAsync(
            chunk.Select(item => new TableTransactionAction(
                TableTransactionActionType.UpsertReplace,
                new TableEntity(batchId, string.Create(CultureInfo.InvariantCulture, $"item-{item.index:D4}"))
                {
                    ["TenantId"] = Tenant,
                    ["Index"] = item.index,
                    ["MediaId"] = item.id,
                    ["State"] = "pending",
                })))));
        await table.UpsertEntityAsync(
            new TableEntity(batchId, "batch") { ["TenantId"] = Tenant, ["CreatedAt"] = DateTimeOffset.UtcNow, ["Total"] = mediaIds.Count }, TableUpdateMode.Replace);
        return (Stopwatch.GetElapsedTime(started), CpuUse.Since(host, cpuAtStart));
    }

    /// <summary>
    /// The floor under the POST: the same messages (same shape and size) put by the harness straight on a queue of the
    /// same Azurite that nothing reads, as many at once as the service's default <c>EnqueueParallelism</c>, with no
    /// table writes and no queue trigger competing. What the POST takes beyond this is the service's own cost.
    /// </summary>
    private static async Task<(TimeSpan Elapsed, CpuUse Cpu)> PutFloorAsync(LoadHost host, IReadOnlyList<string> mediaIds)
    {
        var queue = host.FloorQueue;
        await queue.CreateIfNotExistsAsync();
        var messages = mediaIds.Select((id, index) => new DeletionMessage(Tenant, id, null, "0123456789abcdef0123456789abcdef", "0123456789abcdef0123456789abcdef", ItemIndex: index).ToJson()).ToList();
        var cpuAtStart = CpuUse.Now(host);
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = new MediaDeletionOptions().EnqueueParallelism }, async (message, cancellationToken) =>
            await queue.SendMessageAsync(message, TimeSpan.Zero, NeverExpires, cancellationToken));
        return (Stopwatch.GetElapsedTime(started), CpuUse.Since(host, cpuAtStart));
    }

    private static async Task PostAsync(HttpClient http, string[] mediaIds)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tenants/{Tenant}/media/deletions")
        {
            Content = JsonContent.Create(new { items = mediaIds.Select(id => new { mediaId = id }) }),
        };
        request.Headers.Add("X-Api-Key", LoadHost.DemoApiKey);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Accepted
            || JsonDocument.Parse(body).RootElement.GetProperty("accepted").GetInt32() != mediaIds.Length)
        {
            throw new InvalidOperationException($"The bulk POST answered {(int)response.StatusCode}: {body}");
        }
    }
}
