using Azure;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using WhatsAppMedia.DevHost;
using WhatsAppMedia.DevHost.Azurite;

namespace WhatsAppMedia.Load;

/// <summary>
/// Several local hosts, as scaled-out Functions instances, on one work queue of one Azurite and one provider sandbox.
/// They share this process (and its two cores) but nothing else that the service's own code could use to coordinate:
/// each host has its own DI container, tenant cache, HTTP clients and queue engine.
/// </summary>
internal sealed class SharedQueueHosts : IAsyncDisposable
{
    private readonly AzuriteProcess _azurite;
    private readonly List<WebApplication> _apps;
    private readonly QueueServiceClient _queues;
    private readonly string _queue;

    private SharedQueueHosts(AzuriteProcess azurite, ProviderSandbox sandbox, List<WebApplication> apps, string queue)
    {
        _azurite = azurite;
        _apps = apps;
        _queue = queue;
        Sandbox = sandbox;
        Http = new HttpClient { BaseAddress = new Uri(apps[0].Urls.First()), Timeout = TimeSpan.FromMinutes(2) };
        _queues = new QueueServiceClient(azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
    }

    public ProviderSandbox Sandbox { get; }

    /// <summary>The first host's HTTP API, where the bulk POSTs go (any host would do: they share the queue).</summary>
    public HttpClient Http { get; }

    /// <param name="overrides">Extra <c>--key=value</c> settings for every host (a tenant document, for example).</param>
    public static async Task<SharedQueueHosts> StartAsync(int hosts, IEnumerable<string> overrides)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hosts, 1);
        var azurite = await AzuriteProcess.StartAsync();
        var sandbox = await ProviderSandbox.StartAsync();
        var queue = $"quota{Guid.NewGuid():N}"[..24];
        var apps = new List<WebApplication>();
        try
        {
            for (var index = 0; index < hosts; index++)
            {
                var args = DevHostArguments.ForSandbox(azurite.ConnectionString, sandbox, queue);
                args.Add("--AzureFunctionsJobHost:extensions:queues:maxPollingInterval=00:00:00.200");
                args.Add("--Logging:LogLevel:Azure.Core=Error");
                args.AddRange(overrides);
                var app = DevHostApplication.Create([.. args]);
                await app.StartAsync();
                apps.Add(app);
            }

            return new SharedQueueHosts(azurite, sandbox, apps, queue);
        }
        catch
        {
            foreach (var app in apps)
            {
                await app.DisposeAsync();
            }

            await sandbox.DisposeAsync();
            await azurite.DisposeAsync();
            throw;
        }
    }

    /// <summary>Messages in <c>{queue}-failed</c> and <c>{queue}-poison</c>: items that ended without being deleted.</summary>
    public async Task<int> EndedUndeletedAsync() =>
        await CountIfExistsAsync(_queue + "-failed") + await CountIfExistsAsync(_queue + "-poison");

    private async Task<int> CountIfExistsAsync(string queue)
    {
        try
        {
            return (await _queues.GetQueueClient(queue).GetPropertiesAsync()).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // Not created yet: nothing has failed.
            return 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        foreach (var app in _apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        await Sandbox.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
