using WhatsAppMedia.DevHost.Azurite;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>
/// What a local host runs against: a real Azurite and the strict provider sandbox, one of each per test class, because
/// sandbox faults apply to every request a provider sees and classes run in parallel.
/// </summary>
public class LocalEnvironment : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public ProviderSandbox Sandbox { get; private set; } = null!;

    public string StorageConnectionString => _azurite!.ConnectionString;

    /// <summary>Starts a local host on a free port; <paramref name="overrides"/> are extra <c>--key=value</c> arguments.</summary>
    public Task<LocalHost> StartHostAsync(string queue, params IEnumerable<string> overrides) => LocalHost.StartAsync(this, queue, overrides);

    /// <summary>Starts a local host on a free port with last changes to its builder (see <see cref="DevHostApplication.Create"/>).</summary>
    public Task<LocalHost> StartHostAsync(string queue, Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder> configure, params IEnumerable<string> overrides) =>
        LocalHost.StartAsync(this, queue, overrides, configure);

    /// <summary>Stops Azurite, as an outage of the storage account would.</summary>
    public async Task StopStorageAsync()
    {
        await _azurite!.DisposeAsync();
    }

    /// <summary>Starts Azurite again on the same port (in memory, so empty), as the storage account coming back.</summary>
    public async Task StartStorageAgainAsync()
    {
        _azurite = await AzuriteProcess.StartAsync(new AzuriteOptions { QueuePort = _azurite!.QueuePort, TablePort = _azurite.TablePort });
    }

    public virtual async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync();
        Sandbox = await ProviderSandbox.StartAsync();
    }

    public virtual async Task DisposeAsync()
    {
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
