using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>
/// One run of the local host as a user runs it — real Kestrel port, the demo tenants of local.settings.sample.json —
/// against a <see cref="LocalEnvironment"/>, with the queue settings tightened so retries and poisoning happen in
/// milliseconds. Stopping and starting another on the same queue is a restart.
/// </summary>
public sealed class LocalHost : IAsyncDisposable
{
    public const int MaxDequeueCount = 3;
    public const string DemoApiKey = "demo-api-key";

    private readonly WebApplication _app;
    private readonly string _storageConnectionString;
    private bool _stopped;

    private LocalHost(WebApplication app, string queue, string storageConnectionString)
    {
        _app = app;
        _storageConnectionString = storageConnectionString;
        Queue = queue;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        Progress = app.Services.GetRequiredService<QueueTriggerProgress>();
    }

    public HttpClient Http { get; }

    public string Queue { get; }

    /// <summary>The host's services: the same Core operations (redrive, batch store) the CLI and the routes use.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The queue trigger's progress; still readable after the host has stopped.</summary>
    public QueueTriggerProgress Progress { get; }

    /// <summary>A service of the running host, to wait on its own signals.</summary>
    public T Service<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>A queue as the host's own client sees it (host.json's encoding, base64).</summary>
    public TestQueue QueueNamed(string name) => new(_storageConnectionString, name, QueueMessageEncoding.Base64);

    /// <summary>The queue as a producer that ignores host.json's encoding sees it: text goes in as it is, not base64.</summary>
    public TestQueue RawQueueNamed(string name) => new(_storageConnectionString, name, QueueMessageEncoding.None);

    internal static async Task<LocalHost> StartAsync(LocalEnvironment environment, string queue, IEnumerable<string> overrides, Action<WebApplicationBuilder>? configure = null)
    {
        var args = DevHostArguments.ForSandbox(environment.StorageConnectionString, environment.Sandbox, queue);
        args.AddRange(
        [
            "--Providers:Retry:MaxAttempts=1",
            "--AzureFunctionsJobHost:extensions:queues:visibilityTimeout=00:00:00",
            $"--AzureFunctionsJobHost:extensions:queues:maxDequeueCount={MaxDequeueCount}",
            "--AzureFunctionsJobHost:extensions:queues:maxPollingInterval=00:00:00.200",
        ]);
        args.AddRange(overrides);

        var app = DevHostApplication.Create([.. args], configure);
        await app.StartAsync();
        return new LocalHost(app, queue, environment.StorageConnectionString);
    }

    /// <summary>Stops as the host stops on Ctrl+C; a cancelled <paramref name="deadline"/> means the shutdown deadline has passed.</summary>
    public async Task StopAsync(CancellationToken deadline = default)
    {
        _stopped = true;
        await _app.StopAsync(deadline);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_stopped)
        {
            await _app.StopAsync();
        }

        await _app.DisposeAsync();
    }
}
