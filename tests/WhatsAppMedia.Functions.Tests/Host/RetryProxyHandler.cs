using Polly;
using Polly.Retry;

namespace WhatsAppMedia.Functions.Tests.Host;

/// <summary>
/// The host's own retry when forwarding to the worker: the worker advertises its HTTP endpoint in WorkerInitResponse,
/// possibly before its Kestrel listens, so a request that cannot connect is tried again, up to 10 attempts, 50 ms
/// doubling to at most 250 ms between them (RetryProxyHandler in Azure/azure-functions-host src/WebJobs.Script.Grpc/Server,
/// used by DefaultHttpProxyService). Only HttpRequestException is retried, as there.
/// </summary>
/// <remarks>
/// Sends with <see cref="DelegatingHandler"/>'s base, not an HttpClient, so the same request message can go again (the
/// host does the same through an HttpMessageInvoker).
/// </remarks>
internal sealed class RetryProxyHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private static readonly ResiliencePipeline Retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>(),
            MaxRetryAttempts = 9,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(50),
            MaxDelay = TimeSpan.FromMilliseconds(250),
            UseJitter = false,
        })
        .Build();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        await Retry.ExecuteAsync(async token => await base.SendAsync(request, token), cancellationToken);
}
