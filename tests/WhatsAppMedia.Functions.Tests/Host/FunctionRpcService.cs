using Grpc.Core;
using StreamingMessage = WhatsAppMedia.Functions.Tests.Rpc.StreamingMessage;
using FunctionRpc = WhatsAppMedia.Functions.Tests.Rpc.FunctionRpc;
using StartStream = WhatsAppMedia.Functions.Tests.Rpc.StartStream;

namespace WhatsAppMedia.Functions.Tests.Host;

/// <summary>
/// The host's side of <c>FunctionRpc.EventStream</c>: the worker connects, opens with <see cref="StartStream"/> carrying
/// the worker id it was started with, and from then on both sides write <see cref="StreamingMessage"/>s
/// (GrpcWorkerClientFactory.StartAsync / SendStartStreamMessageAsync in Azure/azure-functions-dotnet-worker
/// src/DotNetWorker.Grpc; the host waits for StartStream before WorkerInitRequest, GrpcWorkerChannel.StartWorkerProcessAsync
/// in Azure/azure-functions-host src/WebJobs.Script.Grpc/Channel).
/// </summary>
internal sealed class FunctionRpcService(WorkerChannel channel) : FunctionRpc.FunctionRpcBase
{
    public override async Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.CancellationToken;
        if (!await requestStream.MoveNext(cancellationToken) || requestStream.Current.ContentCase != StreamingMessage.ContentOneofCase.StartStream)
        {
            throw new Grpc.Core.RpcException(new Status(StatusCode.FailedPrecondition, "The first message must be StartStream."));
        }

        if (requestStream.Current.StartStream.WorkerId != channel.WorkerId)
        {
            throw new Grpc.Core.RpcException(new Status(StatusCode.PermissionDenied, "Unknown worker id."));
        }

        channel.MarkStarted();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writer = WriteAsync(responseStream, stop.Token);
        Exception? reason = null;
        try
        {
            while (await requestStream.MoveNext(cancellationToken))
            {
                channel.Receive(requestStream.Current);
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or Grpc.Core.RpcException)
        {
            // The worker process went away; whoever waits on an answer hears it through Close.
            reason = exception;
        }
        finally
        {
            channel.Close(reason);
            await stop.CancelAsync();
            await writer;
        }
    }

    /// <summary>One writer: a gRPC response stream takes one write at a time.</summary>
    private async Task WriteAsync(IServerStreamWriter<StreamingMessage> responseStream, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in channel.Outbound.ReadAllAsync(cancellationToken))
            {
                await responseStream.WriteAsync(message, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or InvalidOperationException)
        {
            // The stream is gone; Close has failed everything pending.
        }
    }
}
