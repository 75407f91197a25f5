using Azure.Storage.Queues;
using WhatsAppMedia.DevHost;
using WhatsAppMedia.DevHost.Azurite;
using WhatsAppMedia.Functions.Tests.Host;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.Functions.Tests;

/// <summary>
/// One real worker for all the end-to-end tests (starting it is the slow part), against a real Azurite and the strict
/// provider sandbox, with the demo tenants of local.settings.sample.json. Tests share its sandbox, so they run one
/// after another in one collection.
/// </summary>
public sealed class WorkerFixture : IAsyncLifetime
{
    public const string DemoApiKey = "demo-api-key";

    /// <summary>A safety net for a worker that hangs; tests wait on answers, not on time.</summary>
    public static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    private AzuriteProcess? _azurite;

    public ProviderSandbox Sandbox { get; private set; } = null!;

    internal TestFunctionsHost Host { get; private set; } = null!;

    public string Queue { get; } = "fn" + Guid.NewGuid().ToString("N")[..12];

    public string StorageConnectionString => _azurite!.ConnectionString;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The receipt signing key file the worker creates on its first digest, in a directory of this fixture's own.</summary>
    public string SigningKeyFile { get; } = Path.Combine(Directory.CreateTempSubdirectory("worker-signing-").FullName, "receipt-signing-key.pem");

    /// <summary>The queue as the Functions host reads and writes it: host.json says base64.</summary>
    public QueueClient QueueNamed(string name) =>
        new(StorageConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    /// <summary>The app settings a deployment would have, pointed at this Azurite and sandbox, in their environment-variable form.</summary>
    public Dictionary<string, string?> AppSettings()
    {
        var settings = LocalSettings.Load(RepositoryRoot.Find(AppContext.BaseDirectory)).Values
            .ToDictionary(setting => setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => setting.Value, StringComparer.Ordinal);
        foreach (var (key, value) in Sandbox.ConfigurationValues)
        {
            settings[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        settings["AzureWebJobsStorage"] = StorageConnectionString;
        settings["MediaDeletion__Queue"] = Queue;
        settings["Receipts__SigningKeyFile"] = SigningKeyFile;
        // One attempt per call, so a transient provider failure surfaces at once instead of after the retry budget.
        settings["Providers__Retry__MaxAttempts"] = "1";
        return settings;
    }

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync();
        Sandbox = await ProviderSandbox.StartAsync();
        using var guard = new CancellationTokenSource(Guard);
        Host = await TestFunctionsHost.StartAsync(AppSettings(), guard.Token);
        Http = Host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (Sandbox is not null)
        {
            await Sandbox.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        Directory.Delete(Path.GetDirectoryName(SigningKeyFile)!, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class WorkerCollection : ICollectionFixture<WorkerFixture>
{
    public const string Name = "Functions worker";
}
