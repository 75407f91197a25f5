using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WhatsAppMedia.Core.Queues;
using WhatsAppMedia.DevHost.Azurite;

namespace WhatsAppMedia.DevHost;

/// <summary>
/// With <c>AzureWebJobsStorage=UseDevelopmentStorage=true</c> and nothing on Azurite's queue port, starts the
/// repository's pinned Azurite there (queue and table services on their default ports) and stops it on exit. An Azurite that is already running is used as it is.
/// </summary>
internal sealed partial class AzuriteStarter(IConfiguration configuration, ILogger<AzuriteStarter> logger) : IHostedService
{
    private AzuriteProcess? _azurite;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!string.Equals(configuration["AzureWebJobsStorage"]?.Trim(), "UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (await IsListeningAsync(DevelopmentStorage.QueuePort, cancellationToken))
        {
            LogUsingRunning(DevelopmentStorage.QueuePort);
            return;
        }

        _azurite = await AzuriteProcess.StartAsync(
            new AzuriteOptions { QueuePort = DevelopmentStorage.QueuePort, TablePort = DevelopmentStorage.TablePort, RepositoryRoot = configuration[DevHostPaths.RepositoryRootKey] },
            cancellationToken);
        LogStarted(_azurite.QueueServiceUri);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    private static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Using the Azurite already listening on port {Port}.")]
    private partial void LogUsingRunning(int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "Started Azurite (in memory) at {Uri}; it stops with the local host.")]
    private partial void LogStarted(Uri uri);
}
