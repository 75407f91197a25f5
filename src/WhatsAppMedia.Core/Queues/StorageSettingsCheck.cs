using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace WhatsAppMedia.Core.Queues;

/// <summary>
/// Builds the queue and the table client when the host starts, before anything else uses them, so a storage setting in
/// the wrong shape stops start-up with <see cref="QueueStorageConfigurationException"/> naming it, instead of failing
/// the first batch request (the table client is otherwise first built then) or a token request at the wrong endpoint.
/// </summary>
internal sealed class StorageSettingsCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<QueueServiceClient>();
        _ = services.GetRequiredService<TableServiceClient>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
