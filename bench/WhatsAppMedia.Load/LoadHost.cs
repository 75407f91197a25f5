using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppMedia.Core.Queues;
using WhatsAppMedia.DevHost;
using WhatsAppMedia.DevHost.Azurite;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.Load;

/// <summary>
/// The local host as the end-to-end tests start it (tests/WhatsAppMedia.DevHost.Tests/LocalHostFixture.cs): a real
/// Kestrel port, a real Azurite, the strict provider sandbox and the demo tenants of local.settings.sample.json.
/// Queue settings are the root host.json's, except the idle polling back-off, which is kept short so a scenario
/// that starts after a quiet spell is not charged for the listener's sleep.
/// </summary>
internal sealed class LoadHost : IAsyncDisposable
{
    public const string DemoApiKey = "demo-api-key";

    private readonly AzuriteProcess _azurite;
    private readonly WebApplication _app;

    private readonly string _queue;

    private LoadHost(AzuriteProcess azurite, ProviderSandbox sandbox, WebApplication app, string queue)
    {
        _queue = queue;
        _azurite = azurite;
        _app = app;
        Sandbox = sandbox;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(2) };
    }

    public ProviderSandbox Sandbox { get; }

    public HttpClient Http { get; }

    public QueueListenerProgress Progress => _app.Services.GetRequiredService<QueueListenerProgress>();

    /// <summary>Messages waiting in the work queue, its <c>-failed</c> and its <c>-poison</c> queue, for progress reports.</summary>
    public async Task<(int Work, int Failed, int Poison)> QueueLengthsAsync()
    {
        var account = _app.Services.GetRequiredService<QueueStorageAccount>();
        return (
            await account.GetQueue(_queue).GetApproximateMessageCountAsync(),
            await CountIfExistsAsync(account.GetQueue(_queue + "-failed")),
            await CountIfExistsAsync(account.GetQueue(_queue + "-poison")));
    }

    /// <param name="overrides">Extra <c>--key=value</c> settings for the host; they win over the harness's own.</param>
    public static async Task<LoadHost> StartAsync(IEnumerable<string> overrides)
    {
        var azurite = await AzuriteProcess.StartAsync();
        ProviderSandbox? sandbox = null;
        try
        {
            sandbox = await ProviderSandbox.StartAsync();
            var queue = $"load{Guid.NewGuid():N}";
            var args = DevHostArguments.ForSandbox(azurite.ConnectionString, sandbox, queue);
            args.Add("--AzureFunctionsJobHost:extensions:queues:maxPollingInterval=00:00:00.200");
            args.AddRange(overrides);

            var app = DevHostApplication.Create([.. args]);
            await app.StartAsync();
            return new LoadHost(azurite, sandbox, app, queue);
        }
        catch
        {
            if (sandbox is not null)
            {
                await sandbox.DisposeAsync();
            }

            await azurite.DisposeAsync();
            throw;
        }
    }

    private static async Task<int> CountIfExistsAsync(StorageQueue queue)
    {
        try
        {
            return await queue.GetApproximateMessageCountAsync();
        }
        catch (QueueStorageException)
        {
            // Not created yet: nothing has failed.
            return 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Sandbox.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
