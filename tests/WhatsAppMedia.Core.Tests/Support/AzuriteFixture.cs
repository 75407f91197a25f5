using Azure.Data.Tables;
using Azure.Storage.Queues;
using WhatsAppMedia.DevHost.Azurite;

namespace WhatsAppMedia.Core.Tests.Support;

/// <summary>
/// One real Azurite queue service on a free loopback port, shared by the tests of a class
/// (<c>IClassFixture&lt;AzuriteFixture&gt;</c>). Tests use their own queues (<see cref="NewQueueName"/>), so they do
/// not see each other's messages.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");

    /// <summary>A client for this Azurite with the given message encoding.</summary>
    public QueueServiceClient Queues(QueueMessageEncoding encoding = QueueMessageEncoding.Base64) =>
        new(Azurite.ConnectionString, new QueueClientOptions { MessageEncoding = encoding });

    /// <summary>A client for this Azurite's table service.</summary>
    public TableServiceClient Tables() => new(Azurite.ConnectionString);

    /// <summary>A queue name no other test uses.</summary>
    public static string NewQueueName(string prefix = "test") => $"{prefix}-{Guid.NewGuid():N}";

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
