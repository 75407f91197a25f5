using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.Meta;
using WhatsAppMedia.Core.Retrievals;
using WhatsAppMedia.Testing.Hosting;

namespace WhatsAppMedia.Core.Tests.Retrievals;

/// <summary>
/// Two real HTTP servers on free loopback ports: a "provider" whose answer each test writes (<see cref="Provider"/>),
/// and a "service" whose one route <c>GET /content</c> opens the download of <see cref="Metadata"/> with
/// <see cref="MediaDownloader"/> and streams it with <see cref="MediaContentResult"/>, as the hosts do; a refusal comes
/// back as 502 with the classified answer in JSON. Tests call the service with <see cref="Client"/>.
/// </summary>
internal sealed class DownloadRig : IAsyncDisposable
{
    public const string Token = "EAAG-download-token";

    private readonly WebApplication _provider;
    private readonly WebApplication _service;
    private int _providerRequests;

    private DownloadRig(WebApplication provider, WebApplication service)
    {
        _provider = provider;
        _service = service;
    }

    /// <summary>What the provider does with each request; by default a 404.</summary>
    public Func<HttpContext, Task> Provider { get; set; } = context =>
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    };

    /// <summary>The metadata the service downloads; its URL is under <see cref="ProviderUrl"/> unless a test says otherwise.</summary>
    public MediaMetadata Metadata { get; set; } = null!;

    /// <summary>The provider's base URL, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri ProviderUrl { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public int ProviderRequests => Volatile.Read(ref _providerRequests);

    /// <summary>The Authorization header of the provider's last request.</summary>
    public string? LastAuthorization { get; private set; }

    /// <summary>Completes when a provider request is aborted by the service (the service closed the connection).</summary>
    public TaskCompletionSource ProviderAborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<DownloadRig> StartAsync(Action<MetaOptions>? configure = null, TimeSpan? attemptTimeout = null)
    {
        var provider = LoopbackWebApplication.CreateBuilder().Build();

        var options = new MetaOptions { MediaDownloadHosts = "127.0.0.1" };
        configure?.Invoke(options);
        var retry = new ProviderRetryOptions();
        retry.AttemptTimeout = attemptTimeout ?? retry.AttemptTimeout;
        var serviceBuilder = LoopbackWebApplication.CreateBuilder();
        serviceBuilder.Services.AddSingleton(TimeProvider.System);
        serviceBuilder.Services.AddSingleton(Options.Create(options));
        serviceBuilder.Services.AddSingleton(Options.Create(retry));
        serviceBuilder.Services.AddHttpClient<MediaDownloader>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(MediaDownloader.CreateHandler);
        var service = serviceBuilder.Build();

        var rig = new DownloadRig(provider, service);
        provider.Run(rig.AnswerAsProviderAsync);
        service.MapGet("/content", rig.ServeAsync);
        await provider.StartAsync();
        await service.StartAsync();
        rig.ProviderUrl = provider.BaseAddress();
        rig.Client = new HttpClient { BaseAddress = service.BaseAddress() };
        return rig;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _service.StopAsync();
        await _provider.StopAsync();
        await _service.DisposeAsync();
        await _provider.DisposeAsync();
    }

    private async Task AnswerAsProviderAsync(HttpContext context)
    {
        Interlocked.Increment(ref _providerRequests);
        LastAuthorization = context.Request.Headers.Authorization.ToString();
        context.RequestAborted.Register(() => ProviderAborted.TrySetResult());
        try
        {
            await Provider(context);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            // The service went away mid-answer: recorded by ProviderAborted.
        }
    }

    private async Task<IResult> ServeAsync(HttpContext context, MediaDownloader downloader)
    {
        var opening = await downloader.OpenAsync(Metadata, Token, context.RequestAborted);
        if (opening.Download is { } download)
        {
            return new MediaContentResult(download, "rig", "1", "rig-request");
        }

        var failure = opening.Failure!;
        return Results.Json(
            new RefusalBody(failure.Outcome.ToString(), opening.FreshUrlMayHelp, failure.HttpStatus, failure.ProviderMessage, failure.RetryAfter?.TotalSeconds),
            statusCode: StatusCodes.Status502BadGateway);
    }
}

/// <summary>How the rig's service reports a refused download.</summary>
public sealed record RefusalBody(string Outcome, bool FreshUrlMayHelp, int? HttpStatus, string? Message, double? RetryAfterSeconds);
