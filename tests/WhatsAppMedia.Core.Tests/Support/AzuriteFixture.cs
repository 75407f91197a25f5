using WhatsAppMedia.Core.Queues;
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

    /// <summary>A shared-key connection to this Azurite.</summary>
    public QueueStorageConnection Connection =>
        QueueStorageConnection.WithSharedKey(Azurite.QueueServiceUri, DevelopmentStorage.AccountName, DevelopmentStorage.AccountKey);

    public QueueStorageAccount Account(QueueMessageEncoding encoding = QueueMessageEncoding.Base64) =>
        new(Connection, encoding, TimeProvider.System);

    /// <summary>A queue name no other test uses.</summary>
    public static string NewQueueName(string prefix = "test") => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>A fresh, created queue.</summary>
    public async Task<StorageQueue> NewQueueAsync(QueueMessageEncoding encoding = QueueMessageEncoding.Base64)
    {
        var queue = Account(encoding).GetQueue(NewQueueName());
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
