using Azure.Core;
using Azure.Core.Pipeline;

namespace WhatsAppMedia.Core.Queues;

/// <summary>
/// The queue service of one storage account, reached through one shared <see cref="HttpPipeline"/> (connection
/// pooling, retries, authorization). Create it once per process; <see cref="GetQueue"/> hands out cheap queue views
/// that share the pipeline.
/// </summary>
public sealed class QueueStorageAccount
{
    /// <param name="connection">Where the service is and how to authorize.</param>
    /// <param name="encoding">The message encoding every queue of this client reads and writes.</param>
    /// <param name="timeProvider">The clock for request dates.</param>
    /// <param name="options">Retry, diagnostics and transport options; Azure.Core's defaults when null.</param>
    public QueueStorageAccount(
        QueueStorageConnection connection,
        QueueMessageEncoding encoding,
        TimeProvider timeProvider,
        QueueStorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (!Enum.IsDefined(encoding))
        {
            throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Unknown message encoding.");
        }

        Connection = connection;
        Encoding = encoding;
        Pipeline = HttpPipelineBuilder.Build(
            options ?? new QueueStorageClientOptions(),
            perCallPolicies: [],
            perRetryPolicies: [new StorageRequestHeadersPolicy(timeProvider), connection.CreateAuthorizationPolicy()],
            new ResponseClassifier());
    }

    public QueueStorageConnection Connection { get; }

    public QueueMessageEncoding Encoding { get; }

    internal HttpPipeline Pipeline { get; }

    /// <summary>A view of one queue. It holds no connection of its own; keep it for the queue's lifetime anyway to skip re-validation.</summary>
    /// <exception cref="ArgumentException">The name breaks Azure's queue naming rules.</exception>
    public StorageQueue GetQueue(string name)
    {
        if (QueueNameRules.Problem(name) is { } problem)
        {
            throw new ArgumentException(char.ToUpperInvariant(problem[0]) + problem[1..] + ".", nameof(name));
        }

        return new StorageQueue(this, name);
    }

    public override string ToString() => $"Queue storage {Connection} ({Encoding} messages)";
}
