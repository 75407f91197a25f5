using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppMedia.Core.Queues;
using WhatsAppMedia.DevHost.Azurite;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>
/// The local host as a user runs it — real Kestrel port, real Azurite, the strict provider sandbox, the demo tenants
/// of local.settings.sample.json — with the queue settings tightened so retries and poisoning happen in milliseconds.
/// </summary>
public sealed class LocalHostFixture : IAsyncLifetime
{
    public const int MaxDequeueCount = 3;
    public const string DemoApiKey = "demo-api-key";

    private AzuriteProcess? _azurite;
    private WebApplication? _app;

    public ProviderSandbox Sandbox { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public string Queue { get; } = "e2e" + Guid.NewGuid().ToString("N")[..12];

    public QueueListenerProgress Progress => _app!.Services.GetRequiredService<QueueListenerProgress>();

    public StorageQueue QueueNamed(string name) => _app!.Services.GetRequiredService<QueueStorageAccount>().GetQueue(name);

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync();
        Sandbox = await ProviderSandbox.StartAsync();
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            $"--AzureWebJobsStorage={_azurite.ConnectionString}",
            "--Sandbox:Enabled=false",
            $"--MediaDeletion:Queue={Queue}",
            "--Providers:Retry:MaxAttempts=1",
            "--AzureFunctionsJobHost:extensions:queues:visibilityTimeout=00:00:00",
            $"--AzureFunctionsJobHost:extensions:queues:maxDequeueCount={MaxDequeueCount}",
            "--AzureFunctionsJobHost:extensions:queues:maxPollingInterval=00:00:00.200",
            "--Logging:LogLevel:Default=Warning",
        };
        args.AddRange(Sandbox.ConfigurationValues.Select(setting => $"--{setting.Key}={setting.Value}"));

        _app = DevHostApplication.Create([.. args]);
        await _app.StartAsync();
        Http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (Sandbox is not null)
        {
            await Sandbox.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
