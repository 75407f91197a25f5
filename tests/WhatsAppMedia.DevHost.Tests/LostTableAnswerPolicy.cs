using Azure.Core;
using Azure.Core.Pipeline;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>
/// In front of the table client (Azure.Core pipeline, per retry): lets each conditional update of a batch item row
/// reach the table service, so it is applied, then loses its answer (an <see cref="IOException"/>, as a reset connection
/// would), so the SDK's own retry sends it again with the ETag that is no longer current and gets 412
/// (https://github.com/Azure/azure-sdk-for-net/issues/39146).
/// </summary>
public sealed class LostTableAnswerPolicy(string table) : HttpPipelinePolicy
{
    private readonly HashSet<string> _lost = [];
    private int _preconditionFailed;

    /// <summary>Updates applied whose answer was lost.</summary>
    public int Lost
    {
        get
        {
            lock (_lost)
            {
                return _lost.Count;
            }
        }
    }

    /// <summary>Answers 412 to a conditional update of an item row (the retries of the lost ones among them).</summary>
    public int PreconditionFailed => Volatile.Read(ref _preconditionFailed);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var isItemUpdate = message.Request.Method == RequestMethod.Put
            && message.Request.Headers.TryGetValue("If-Match", out var ifMatch) && ifMatch != "*"
            && message.Request.Uri.Path.Contains($"/{table}(", StringComparison.Ordinal)
            && message.Request.Uri.Path.Contains("item-", StringComparison.Ordinal);
        await ProcessNextAsync(message, pipeline);
        if (!isItemUpdate)
        {
            return;
        }

        if (message.Response.Status == 412)
        {
            Interlocked.Increment(ref _preconditionFailed);
            return;
        }

        bool first;
        lock (_lost)
        {
            first = message.Response.Status == 204 && _lost.Add(message.Request.Uri.Path);
        }

        if (first)
        {
            throw new IOException("The table service's answer was lost after it applied the update (test fault).");
        }
    }
}
