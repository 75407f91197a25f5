using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Azure.Storage.Queues.Models;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppMedia.Functions.Tests.Rpc;
using WhatsAppMedia.Testing.Hosting;

namespace WhatsAppMedia.Functions.Tests.Host;

/// <summary>
/// The Functions host's side of the worker protocol, enough to run the deployable worker in tests: a gRPC server on
/// 127.0.0.1 (HTTP/2 without TLS, as the host's), the worker process started with the host's arguments and environment,
/// the start-up handshake (StartStream → WorkerInitRequest → FunctionsMetadataRequest → FunctionLoadRequest per
/// function), and invocations: HTTP requests forwarded to the worker's own HTTP endpoint beside an InvocationRequest,
/// and queue messages as the Storage Queues extension hands them over.
/// </summary>
/// <remarks>
/// <para>
/// Sources the protocol details were checked against (cited by file in the comments below): Azure/azure-functions-host
/// at 89dc438d476542786f2fc4070f553423213a6223 (src/WebJobs.Script.Grpc, src/WebJobs.Script/Workers/Rpc),
/// Azure/azure-functions-dotnet-worker at fb1133321b86bbec32ee8dbdf22905f06b79ea51 (src/DotNetWorker.Grpc,
/// extensions/Worker.Extensions.Http.AspNetCore, extensions/Worker.Extensions.Storage.Queues), and
/// Azure/azure-sdk-for-net sdk/storage/Microsoft.Azure.WebJobs.Extensions.Storage.Queues/src/Triggers
/// (StorageQueueMessageToParameterBindingDataConverter.cs at b231d67b, QueueTriggerBinding.cs at 0238a1de).
/// </para>
/// What it does not imitate: the host's own HTTP pipeline (function keys, X-Forwarded-* headers, its answer for a
/// path no function takes, which with the catch-all function is only a path outside the route prefix: here an empty 404), the "Query"/"Headers" trigger metadata of HTTP invocations (the worker's ASP.NET
/// Core integration reads the forwarded request instead), the queue listener (polling, visibility, retries and poison:
/// tests receive and invoke themselves), worker restarts, WorkerStatusRequest, environment reload (placeholders),
/// shared memory, retry contexts, and multiple streams. InvocationCancel is sent when a test asks for it.
/// </remarks>
internal sealed class TestFunctionsHost : IAsyncDisposable
{
    /// <summary>
    /// The host passes its gRPC message limit on the command line (RpcWorkerContext.GetFormattedArguments); the worker
    /// uses it for its channel's MaxSend/MaxReceiveMessageSize, so it must not be zero. The host's default is int.MaxValue.
    /// </summary>
    private const int GrpcMaxMessageLength = int.MaxValue;

    /// <summary>The header the worker's ASP.NET Core integration pairs a forwarded request with its invocation by.</summary>
    /// <remarks>
    /// Constants.CorrelationHeader in Azure/azure-functions-dotnet-worker extensions/Worker.Extensions.Http.AspNetCore/src
    /// (read by WorkerRequestServicesMiddleware); the host adds it in DefaultHttpProxyService.StartForwarding
    /// (ScriptConstants.HttpProxyCorrelationHeader in Azure/azure-functions-host).
    /// </remarks>
    public const string InvocationIdHeader = "x-ms-invocation-id";

    private readonly WebApplication _server;
    private readonly WorkerChannel _channel;
    private readonly WorkerProcess _worker;
    private readonly HttpMessageInvoker _workerHttp;
    private HttpRoutes _routes = null!;
    private Dictionary<string, RpcFunctionMetadata> _functions = [];

    private TestFunctionsHost(WebApplication server, WorkerChannel channel, WorkerProcess worker)
    {
        _server = server;
        _channel = channel;
        _worker = worker;
        // As the host's DefaultHttpProxyService: no redirects, no cookies, its retry on connection failures; no proxy.
        _workerHttp = new HttpMessageInvoker(new RetryProxyHandler(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false, UseCookies = false }));
    }

    /// <summary>The worker's ASP.NET Core endpoint, as it advertised it in its WorkerInitResponse capabilities.</summary>
    public Uri WorkerHttpUri { get; private set; } = null!;

    /// <summary>The functions the worker reported, by name.</summary>
    public IReadOnlyDictionary<string, RpcFunctionMetadata> Functions => _functions;

    /// <summary>Everything the worker printed.</summary>
    public string WorkerOutput => _worker.Output;

    /// <summary>Every log the worker sent over the stream.</summary>
    public IReadOnlyCollection<RpcLog> WorkerLogs => _channel.Logs;

    /// <summary>An <see cref="HttpClient"/> whose requests go through this host to the worker, at <c>http://functions.test/</c>.</summary>
    public HttpClient CreateClient() => new(new ForwardingHandler(this)) { BaseAddress = new Uri("http://functions.test/") };

    /// <summary>
    /// Starts the gRPC server and the worker, and runs the start-up handshake.
    /// </summary>
    /// <param name="appSettings">App settings in their environment-variable form (<c>MediaDeletion__Queue</c>).</param>
    /// <param name="cancellationToken">Gives up on a worker that never connects (a safety net, not a measurement).</param>
    /// <exception cref="WorkerStartException">The worker exited before the handshake finished, or reported a failure.</exception>
    public static async Task<TestFunctionsHost> StartAsync(IReadOnlyDictionary<string, string?> appSettings, CancellationToken cancellationToken)
    {
        var workerId = Guid.NewGuid().ToString();
        var channel = new WorkerChannel(workerId);
        var server = await StartServerAsync(channel, cancellationToken);
        var endpoint = server.BaseAddress();

        var requestId = Guid.NewGuid().ToString();
        // Both spellings, as the host passes them (RpcWorkerContext.GetFormattedArguments in Azure/azure-functions-host
        // src/WebJobs.Script/Workers/Rpc); the .NET worker maps the --functions-* ones to Functions:Worker:HostEndpoint,
        // RequestId, WorkerId and GrpcMaxMessageLength (WorkerHostBuilderExtensions, src/DotNetWorker/Hosting).
        string[] arguments =
        [
            "--host", endpoint.Host, "--port", endpoint.Port.ToString(CultureInfo.InvariantCulture),
            "--workerId", workerId, "--requestId", requestId,
            "--grpcMaxMessageLength", GrpcMaxMessageLength.ToString(CultureInfo.InvariantCulture),
            "--functions-uri", endpoint.AbsoluteUri, "--functions-worker-id", workerId, "--functions-request-id", requestId,
            "--functions-grpc-max-message-length", GrpcMaxMessageLength.ToString(CultureInfo.InvariantCulture),
        ];

        // The host sets the worker and app directories for the process (RpcWorkerProcess.CreateWorkerProcess); the worker
        // needs FUNCTIONS_APPLICATION_DIRECTORY to resolve the script file (GrpcFunctionDefinition) and host.json's
        // route prefix (FunctionsEndpointDataSource). App settings reach the worker as environment variables.
        var environment = new Dictionary<string, string?>(appSettings, StringComparer.Ordinal)
        {
            ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
            ["FUNCTIONS_WORKER_DIRECTORY"] = FunctionsApp.Directory,
            ["FUNCTIONS_APPLICATION_DIRECTORY"] = FunctionsApp.Directory,
            ["AzureWebJobsScriptRoot"] = FunctionsApp.Directory,
        };

        var worker = WorkerProcess.Start(arguments, environment);
        var host = new TestFunctionsHost(server, channel, worker);
        try
        {
            await host.HandshakeAsync(cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Forwards <paramref name="request"/> to the function its method and path route to, as the host does.</summary>
    public async Task<HttpInvocation> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.RequestUri!.AbsolutePath;
        if (_routes.Match(request.Method.Method, Uri.UnescapeDataString(path)) is not { } match)
        {
            return new HttpInvocation(new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request }, null);
        }

        var invocationId = Guid.NewGuid().ToString();
        using var forwarded = new HttpRequestMessage(request.Method, new Uri(WorkerHttpUri, request.RequestUri.PathAndQuery)) { Content = request.Content };
        foreach (var header in request.Headers)
        {
            forwarded.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        forwarded.Headers.TryAddWithoutValidation(InvocationIdHeader, invocationId);

        // In proxying mode the trigger's value is an empty RpcHttp, and the route values travel as trigger metadata
        // (GrpcMessageConversionExtensions.ToRpcHttp; ScriptInvocationContextExtensions.ToRpcInvocationRequest, which
        // leaves out the HttpRequest itself because the worker declares RpcHttpTriggerMetadataRemoved).
        var invocation = new InvocationRequest { InvocationId = invocationId, FunctionId = match.Function.FunctionId, TraceContext = NewTraceContext() };
        invocation.InputData.Add(new ParameterBinding { Name = match.TriggerName, Data = new TypedData { Http = new RpcHttp() } });
        foreach (var (name, value) in match.Values)
        {
            invocation.TriggerMetadata[name] = new TypedData { String = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty };
        }

        var answer = _channel.Expect(WorkerChannel.Keys.Invocation(invocationId));
        // The host starts forwarding before it sends the invocation (GrpcWorkerChannel.SendInvocationRequest), so the
        // worker has the request when the invocation arrives; the worker waits for both (DefaultHttpCoordinator).
        var response = _workerHttp.SendAsync(forwarded, cancellationToken);
        await _channel.SendAsync(new StreamingMessage { InvocationRequest = invocation }, cancellationToken);
        var httpResponse = await response;
        if (request.Options.TryGetValue(HttpInvocation.StreamKey, out var streaming) && streaming)
        {
            httpResponse.RequestMessage = request;
            return new HttpInvocation(httpResponse, null);
        }

        var invocationResponse = (await answer.WaitAsync(cancellationToken)).InvocationResponse;
        httpResponse.RequestMessage = request;
        return new HttpInvocation(httpResponse, invocationResponse);
    }

    /// <summary>
    /// Invokes the queue function with <paramref name="message"/> as received from the queue, as the Storage Queues
    /// extension hands it to an isolated worker, and returns the worker's answer.
    /// </summary>
    public Task<InvocationResponse> InvokeQueueAsync(QueueMessage message, CancellationToken cancellationToken) =>
        InvokeQueueAsync(message, cancelWhen: null, cancellationToken);

    /// <param name="message">The message as received from the queue.</param>
    /// <param name="cancelWhen">When it completes, the host cancels the invocation (InvocationCancel), as it does at shutdown or scale-in.</param>
    /// <param name="cancellationToken">Ends the test's wait, not the invocation.</param>
    public async Task<InvocationResponse> InvokeQueueAsync(QueueMessage message, Task? cancelWhen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var function = _functions.Values.Single(candidate => candidate.Bindings.Values.Any(binding => binding.Type == "queueTrigger"));
        var trigger = function.Bindings.Single(binding => binding.Value.Type == "queueTrigger");

        var invocationId = Guid.NewGuid().ToString();
        var invocation = new InvocationRequest { InvocationId = invocationId, FunctionId = function.FunctionId, TraceContext = NewTraceContext() };
        // Deferred binding: the extension turns the message into ParameterBindingData("1.0", "AzureStorageQueues",
        // new BinaryData(queueMessage), "application/json") (StorageQueueMessageToParameterBindingDataConverter in
        // Azure/azure-sdk-for-net sdk/storage/Microsoft.Azure.WebJobs.Extensions.Storage.Queues/src/Triggers), which the
        // host sends as ModelBindingData (GrpcMessageConversionExtensions.ToModelBindingData). The worker rebuilds the
        // QueueMessage from MessageId, PopReceipt, MessageText, DequeueCount, … (QueueMessageJsonConverter).
        invocation.InputData.Add(new ParameterBinding
        {
            Name = trigger.Key,
            Data = new TypedData
            {
                ModelBindingData = new ModelBindingData
                {
                    Version = "1.0",
                    Source = "AzureStorageQueues",
                    ContentType = "application/json",
                    Content = ByteString.CopyFrom(new BinaryData(message).ToArray()),
                },
            },
        });

        // The trigger's binding data (QueueTriggerBinding.CreateBindingData); strings as strings, everything else as
        // JSON, as the host converts other values (GrpcMessageConversionExtensions.ToRpcDefault).
        invocation.TriggerMetadata["QueueTrigger"] = new TypedData { String = message.Body.ToString() };
        invocation.TriggerMetadata["DequeueCount"] = new TypedData { Json = JsonSerializer.Serialize(message.DequeueCount) };
        invocation.TriggerMetadata["ExpirationTime"] = new TypedData { Json = JsonSerializer.Serialize(message.ExpiresOn ?? DateTimeOffset.MaxValue) };
        invocation.TriggerMetadata["Id"] = new TypedData { String = message.MessageId };
        invocation.TriggerMetadata["InsertionTime"] = new TypedData { Json = JsonSerializer.Serialize(message.InsertedOn ?? DateTimeOffset.UtcNow) };
        invocation.TriggerMetadata["NextVisibleTime"] = new TypedData { Json = JsonSerializer.Serialize(message.NextVisibleOn ?? DateTimeOffset.MaxValue) };
        invocation.TriggerMetadata["PopReceipt"] = new TypedData { String = message.PopReceipt };

        var answer = _channel.Expect(WorkerChannel.Keys.Invocation(invocationId));
        await _channel.SendAsync(new StreamingMessage { InvocationRequest = invocation }, cancellationToken);
        if (cancelWhen is not null)
        {
            await cancelWhen.WaitAsync(cancellationToken);
            await _channel.SendAsync(new StreamingMessage { InvocationCancel = new InvocationCancel { InvocationId = invocationId } }, cancellationToken);
        }

        return (await answer.WaitAsync(cancellationToken)).InvocationResponse;
    }

    /// <summary>
    /// Invokes the timer function named <paramref name="functionName"/> as the timer extension does at a tick: the trigger
    /// value is the TimerInfo as JSON (schedule, schedule status, whether the tick is past due).
    /// </summary>
    public async Task<InvocationResponse> InvokeTimerAsync(string functionName, CancellationToken cancellationToken)
    {
        var function = _functions.Values.Single(candidate => candidate.Name == functionName);
        var trigger = function.Bindings.Single(binding => binding.Value.Type == "timerTrigger");
        var invocationId = Guid.NewGuid().ToString();
        var invocation = new InvocationRequest { InvocationId = invocationId, FunctionId = function.FunctionId, TraceContext = NewTraceContext() };
        var now = DateTime.UtcNow;
        var timerInfo = JsonSerializer.Serialize(new
        {
            Schedule = new { AdjustForDST = true },
            ScheduleStatus = new { Last = now.AddMinutes(-1), Next = now.AddMinutes(1), LastUpdated = now },
            IsPastDue = false,
        });
        invocation.InputData.Add(new ParameterBinding { Name = trigger.Key, Data = new TypedData { Json = timerInfo } });
        var answer = _channel.Expect(WorkerChannel.Keys.Invocation(invocationId));
        await _channel.SendAsync(new StreamingMessage { InvocationRequest = invocation }, cancellationToken);
        return (await answer.WaitAsync(cancellationToken)).InvocationResponse;
    }

    /// <summary>
    /// The host always sends the W3C trace context of the invocation (ScriptInvocationContextExtensions.GetRpcTraceContext),
    /// and the worker reads it unconditionally (GrpcFunctionInvocation's constructor): a fresh trace per invocation.
    /// </summary>
    private static RpcTraceContext NewTraceContext() =>
        new() { TraceParent = $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01", TraceState = string.Empty };

    public async ValueTask DisposeAsync()
    {
        // The host asks the worker to stop (WorkerTerminate with a grace period), then ends the process.
        await _channel.SendAsync(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromSeconds(5)) } }, CancellationToken.None);
        await _worker.StopAsync(TimeSpan.FromSeconds(5));
        await _worker.DisposeAsync();
        _workerHttp.Dispose();
        await _server.StopAsync();
        await _server.DisposeAsync();
    }

    private static async Task<WebApplication> StartServerAsync(WorkerChannel channel, CancellationToken cancellationToken)
    {
        // The worker's GrpcChannel talks HTTP/2 without TLS to an http:// endpoint (GrpcWorkerClientFactory.CreateClient),
        // which needs an HTTP/2-only endpoint (no protocol negotiation without TLS).
        var builder = LoopbackWebApplication.CreateBuilder(listen => listen.Protocols = HttpProtocols.Http2);
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = null;
            grpc.MaxSendMessageSize = null;
        });
        builder.Services.AddSingleton(channel);
        var app = builder.Build();
        app.MapGrpcService<FunctionRpcService>();
        await app.StartAsync(cancellationToken);
        return app;
    }

    /// <summary>The host's start-up order (GrpcWorkerChannel: SendWorkerInitRequest, SendFunctionMetadataRequest, SendFunctionLoadRequests).</summary>
    private async Task HandshakeAsync(CancellationToken cancellationToken)
    {
        await UntilWorkerAnswersAsync(_channel.Started, cancellationToken);

        var init = _channel.Expect(WorkerChannel.Keys.Init);
        var initRequest = new WorkerInitRequest
        {
            HostVersion = "4.0.0-test",
            WorkerDirectory = FunctionsApp.Directory,
            FunctionAppDirectory = FunctionsApp.Directory,
        };
        await _channel.SendAsync(new StreamingMessage { RequestId = Guid.NewGuid().ToString(), WorkerInitRequest = initRequest }, cancellationToken);
        var initResponse = (await UntilWorkerAnswersAsync(init, cancellationToken)).WorkerInitResponse;
        EnsureSuccess(initResponse.Result, "WorkerInitRequest");
        if (!initResponse.Capabilities.TryGetValue("HttpUri", out var httpUri))
        {
            throw new WorkerStartException("The worker did not advertise an HttpUri capability (ASP.NET Core integration missing).", _worker.Output);
        }

        WorkerHttpUri = new Uri(httpUri);

        var metadata = _channel.Expect(WorkerChannel.Keys.Metadata);
        await _channel.SendAsync(new StreamingMessage { RequestId = Guid.NewGuid().ToString(), FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = FunctionsApp.Directory } }, cancellationToken);
        var metadataResponse = (await UntilWorkerAnswersAsync(metadata, cancellationToken)).FunctionMetadataResponse;
        EnsureSuccess(metadataResponse.Result, "FunctionsMetadataRequest");
        _functions = metadataResponse.FunctionMetadataResults.ToDictionary(function => function.Name, StringComparer.Ordinal);

        foreach (var function in _functions.Values)
        {
            // What the host sends back (GrpcWorkerChannel.GetFunctionLoadRequest): name, directory, entry point, script
            // file, the bindings as BindingInfo, and the worker's properties.
            var load = new FunctionLoadRequest
            {
                FunctionId = function.FunctionId,
                Metadata = new RpcFunctionMetadata
                {
                    Name = function.Name,
                    Directory = function.Directory,
                    EntryPoint = function.EntryPoint,
                    ScriptFile = function.ScriptFile,
                    IsProxy = false,
                },
            };
            load.Metadata.Bindings.Add(function.Bindings);
            load.Metadata.Properties.Add(function.Properties);
            var loaded = _channel.Expect(WorkerChannel.Keys.Load(function.FunctionId));
            await _channel.SendAsync(new StreamingMessage { RequestId = Guid.NewGuid().ToString(), FunctionLoadRequest = load }, cancellationToken);
            EnsureSuccess((await UntilWorkerAnswersAsync(loaded, cancellationToken)).FunctionLoadResponse.Result, $"FunctionLoadRequest for {function.Name}");
        }

        using var hostJson = JsonDocument.Parse(await File.ReadAllTextAsync(FunctionsApp.PathTo("host.json"), cancellationToken));
        var routePrefix = hostJson.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString()!;
        _routes = new HttpRoutes(_functions.Values, routePrefix);
    }

    /// <summary>Waits for <paramref name="answer"/>, or fails with the worker's output when the worker exits first.</summary>
    private async Task<T> UntilWorkerAnswersAsync<T>(Task<T> answer, CancellationToken cancellationToken)
    {
        await UntilWorkerAnswersAsync((Task)answer, cancellationToken);
        return await answer;
    }

    private async Task UntilWorkerAnswersAsync(Task answer, CancellationToken cancellationToken)
    {
        var first = await Task.WhenAny(answer, _worker.Exited).WaitAsync(cancellationToken);
        if (first != answer && !answer.IsCompleted)
        {
            throw new WorkerStartException($"The worker exited with code {await _worker.Exited} during start-up.", _worker.Output);
        }

        await answer;
    }

    private void EnsureSuccess(StatusResult result, string request)
    {
        if (result.Status != StatusResult.Types.Status.Success)
        {
            throw new WorkerStartException($"The worker failed {request}: {result.Exception?.Message}", _worker.Output);
        }
    }

    /// <summary>Lets an <see cref="HttpClient"/> send through the host.</summary>
    private sealed class ForwardingHandler(TestFunctionsHost host) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var invocation = await host.SendAsync(request, cancellationToken);
            if (invocation.Invocation is { } response)
            {
                request.Options.Set(HttpInvocation.InvocationKey, response);
            }

            return invocation.Response;
        }
    }
}
