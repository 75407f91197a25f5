using Azure.Data.Tables;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;

namespace WhatsAppMedia.Core.Queues;

/// <summary>
/// Builds the <see cref="TableServiceClient"/> for batch state (docs/architecture.md, "Batch state") from the same storage setting as the
/// queues (docs/architecture.md, "Storage settings"): the connection string in <c>AzureWebJobsStorage</c> (<c>UseDevelopmentStorage=true</c> means
/// Azurite's table endpoint, which the SDK expands itself), or the identity-based
/// <c>AzureWebJobsStorage__tableServiceUri</c> / <c>__accountName</c> with optional <c>__credential</c> and <c>__clientId</c>.
/// </summary>
internal static class TableServiceClientFactory
{
    /// <param name="configuration">The app's configuration.</param>
    /// <param name="components">Microsoft.Extensions.Azure's factory (<c>services.AddAzureClientsCore()</c>): credential and client options.</param>
    /// <param name="connectionName">The setting to read; <c>AzureWebJobsStorage</c> unless a test says otherwise.</param>
    /// <exception cref="QueueStorageConfigurationException">
    /// The setting is missing or unusable; the message names the setting and never repeats its value.
    /// </exception>
    public static TableServiceClient Create(
        IConfiguration configuration,
        AzureComponentFactory components,
        string connectionName = QueueServiceClientFactory.DefaultConnectionName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(components);
        ArgumentException.ThrowIfNullOrEmpty(connectionName);

        var section = configuration.GetSection(connectionName);
        var options = (TableClientOptions)components.CreateClientOptions(typeof(TableClientOptions), null, section);
        return StorageAccountSetting.Read(section, components, "table").CreateClient(
            connectionName,
            connectionString => new TableServiceClient(connectionString, options),
            (endpoint, credential) => new TableServiceClient(endpoint, credential, options));
    }
}
