using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppMedia.Core.Hosting;
using WhatsAppMedia.DevHost;
using WhatsAppMedia.DevHost.Azurite;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.Load;

/// <summary>
/// The local host as the end-to-end tests start it (tests/WhatsAppMedia.DevHost.Tests/LocalHostFixture.cs): a real
/// Kestrel port, a real Azurite, the strict provider sandbox and the demo tenants of local.settings.sample.json.
/// Queue settings are the root host.json's, except the idle polling back-off, which is kept short so a scenario
/// that starts after a quiet spell is not charged for the queue trigger's sleep. Progress is read from the sandbox
/// (requests it received, media it still holds), not from the host's queue engine, so every engine is measured alike.
/// </summary>
internal sealed class LoadHost : IAsyncDisposable
{
    public const string DemoApiKey = "demo-api-key";

    /// <summary>The demo Meta tenant's phone and token (local.settings.sample.json), for requests sent straight to the sandbox.</summary>
    public const string DemoMetaPhone = "106540352242922";

    public const string DemoMetaAccessToken = "EAASandboxMetaAccessToken0001";

    /// <summary>Only there so a stuck queue ends the run with an error instead of hanging it.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(5);

    private readonly AzuriteProcess _azurite;
    private readonly WebApplication _app;
    private readonly QueueServiceClient _queues;
    private readonly string _queue;

    private LoadHost(AzuriteProcess azurite, ProviderSandbox sandbox, WebApplication app, string queue)
    {
        _queue = queue;
        _azurite = azurite;
        _app = app;
        Sandbox = sandbox;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(2) };
        SandboxHttp = new HttpClient { BaseAddress = sandbox.BaseUri, Timeout = TimeSpan.FromMinutes(2) };

        // host.json says messageEncoding base64; a producer has to write what the trigger reads.
        _queues = new QueueServiceClient(azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        WorkQueue = _queues.GetQueueClient(queue);
        FloorQueue = _queues.GetQueueClient(queue + "-floor");
        FloorTable = new TableServiceClient(azurite.ConnectionString).GetTableClient(queue + "floor");
    }

    public ProviderSandbox Sandbox { get; }

    /// <summary>The local host's HTTP API.</summary>
    public HttpClient Http { get; }

    /// <summary>The sandbox itself, for the baseline of requests that skip the service.</summary>
    public HttpClient SandboxHttp { get; }

    /// <summary>The host's work queue, as a producer outside the host sees it.</summary>
    public QueueClient WorkQueue { get; }

    /// <summary>
    /// What the queue trigger may have in flight at once, <c>batchSize + newBatchThreshold</c>, as the host reads them
    /// (host.json and any override), so a run with other settings is held to its own limit.
    /// </summary>
    public int InFlightLimit
    {
        get
        {
            // host.json sets both; the engine's defaults for missing ones depend on the machine, so none is assumed.
            var queues = _app.Services.GetRequiredService<QueueHostSettings>().Queues;
            return Required(queues, "batchSize") + Required(queues, "newBatchThreshold");

            static int Required(IConfiguration queues, string key) =>
                queues.GetValue<int?>(key) ?? throw new InvalidOperationException($"host.json (extensions.queues) sets no {key}; the drain's limit cannot be computed.");
        }
    }

    /// <summary>A table of the same Azurite that the host does not use, for the harness's own baseline rows.</summary>
    public TableClient FloorTable { get; }

    /// <summary>The CPU time Azurite has used so far (<see cref="AzuriteProcess.ProcessorTime"/>).</summary>
    public TimeSpan AzuriteProcessorTime => _azurite.ProcessorTime;

    /// <summary>A queue of the same Azurite that nothing reads, for the harness's own baseline puts.</summary>
    public QueueClient FloorQueue { get; }

    /// <summary>
    /// Waits until the sandbox has received <paramref name="requestTarget"/> Meta requests in all and no longer holds
    /// any of <paramref name="mediaIds"/> (the last requests have been answered), saying every few seconds how far it got.
    /// </summary>
    public async Task WaitForDeletedAsync(IReadOnlyCollection<string> mediaIds, long requestTarget)
    {
        var arrived = Sandbox.Meta.WaitForRequestsAsync(requestTarget).WaitAsync(Guard);
        while (await Task.WhenAny(arrived, Task.Delay(ReportEvery)) != arrived)
        {
            var (work, failed, poison) = await QueueLengthsAsync();
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  sandbox saw {Sandbox.Meta.RequestsSeen:N0} of {requestTarget:N0} requests; queued {work:N0}, failed {failed:N0}, poison {poison:N0}"));
        }

        await arrived;

        // The last requests have arrived; they are answered within one provider latency. A bench, not a test: a short
        // poll is precise enough here and needs nothing from the host.
        var remaining = mediaIds.Where(Sandbox.Meta.HasMedia).ToList();
        while (remaining.Count > 0)
        {
            await Task.Delay(1);
            remaining.RemoveAll(id => !Sandbox.Meta.HasMedia(id));
        }
    }

    /// <summary>Messages waiting in the work queue, its <c>-failed</c> and its <c>-poison</c> queue, for progress reports.</summary>
    public async Task<(int Work, int Failed, int Poison)> QueueLengthsAsync() => (
        await CountIfExistsAsync(_queue),
        await CountIfExistsAsync(_queue + "-failed"),
        await CountIfExistsAsync(_queue + "-poison"));

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

            // The harness's own look-ups of -failed and -poison before they exist are 404s the SDK logs as warnings.
            args.Add("--Logging:LogLevel:Azure.Core=Error");
            args.AddRange(overrides);

            var app = DevHostApplication.Create([.. args]);
            await app.StartAsync();
            var host = new LoadHost(azurite, sandbox, app, queue);
            await host.WorkQueue.CreateIfNotExistsAsync();
            return host;
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
        SandboxHttp.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Sandbox.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
