using System.Collections.Concurrent;
using System.Threading.Channels;
using WhatsAppMedia.Functions.Tests.Rpc;

namespace WhatsAppMedia.Functions.Tests.Host;

/// <summary>
/// The host's end of one worker's event stream: what the host writes to the worker, and the worker's answers matched to
/// the requests that asked for them (init and metadata by type, loads by function id, invocations by invocation id).
/// </summary>
internal sealed class WorkerChannel(string workerId)
{
    private readonly Channel<StreamingMessage> _outbound = Channel.CreateUnbounded<StreamingMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> _pending = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<RpcLog> _logs = new();

    /// <summary>The id the host gave the worker on its command line; a stream that starts with another is refused.</summary>
    public string WorkerId { get; } = workerId;

    /// <summary>Completes when the worker has opened the stream with <see cref="StartStream"/>.</summary>
    public Task Started => _started.Task;

    public ChannelReader<StreamingMessage> Outbound => _outbound.Reader;

    /// <summary>Every log the worker sent over the stream (RpcLog), system and user categories alike.</summary>
    public IReadOnlyCollection<RpcLog> Logs => _logs;

    public void MarkStarted() => _started.TrySetResult();

    /// <summary>Registers interest in the answer keyed <paramref name="key"/>; call before sending the request.</summary>
    public Task<StreamingMessage> Expect(string key)
    {
        var answer = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.TryAdd(key, answer))
        {
            throw new InvalidOperationException($"Already waiting for '{key}'.");
        }

        return answer.Task;
    }

    public ValueTask SendAsync(StreamingMessage message, CancellationToken cancellationToken) => _outbound.Writer.WriteAsync(message, cancellationToken);

    /// <summary>Routes one message from the worker.</summary>
    public void Receive(StreamingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var key = message.ContentCase switch
        {
            StreamingMessage.ContentOneofCase.WorkerInitResponse => Keys.Init,
            StreamingMessage.ContentOneofCase.FunctionMetadataResponse => Keys.Metadata,
            StreamingMessage.ContentOneofCase.FunctionLoadResponse => Keys.Load(message.FunctionLoadResponse.FunctionId),
            StreamingMessage.ContentOneofCase.InvocationResponse => Keys.Invocation(message.InvocationResponse.InvocationId),
            _ => null,
        };

        if (message.ContentCase == StreamingMessage.ContentOneofCase.RpcLog)
        {
            _logs.Enqueue(message.RpcLog);
        }
        else if (key is not null && _pending.TryRemove(key, out var answer))
        {
            answer.TrySetResult(message);
        }
    }

    /// <summary>The stream ended (the worker exited or the host stopped): nothing pending will be answered.</summary>
    public void Close(Exception? reason)
    {
        _outbound.Writer.TryComplete();
        var failure = new IOException("The worker's event stream ended before it answered.", reason);
        _started.TrySetException(failure);
        foreach (var key in _pending.Keys)
        {
            if (_pending.TryRemove(key, out var answer))
            {
                answer.TrySetException(failure);
            }
        }
    }

    public static class Keys
    {
        public const string Init = "init";
        public const string Metadata = "metadata";

        public static string Load(string functionId) => "load:" + functionId;

        public static string Invocation(string invocationId) => "invocation:" + invocationId;
    }
}
