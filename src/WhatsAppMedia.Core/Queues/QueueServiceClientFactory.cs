using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;

namespace WhatsAppMedia.Core.Queues;

/// <summary>
/// Builds the service's <see cref="QueueServiceClient"/> from the Functions storage setting (README.md, "Configuration"), in both
/// shapes the Functions host's queue extension accepts: a connection string in <c>AzureWebJobsStorage</c> (including
/// <c>UseDevelopmentStorage=true</c>, which the SDK itself expands), or the identity-based
/// <c>AzureWebJobsStorage__queueServiceUri</c> / <c>__accountName</c> with optional <c>__credential</c> and <c>__clientId</c>.
/// A connection string wins over identity settings, as in the host.
/// </summary>
/// <remarks>
/// Microsoft.Extensions.Azure's <c>AddQueueServiceClient(section)</c> matches configuration keys to constructor
/// parameter names (<c>serviceUri</c>, <c>connectionString</c>; sdk/extensions/Microsoft.Extensions.Azure/src/Internal/ClientFactory.cs),
/// so it does not read <c>queueServiceUri</c>. The WebJobs queue extension reads that key itself and takes the
/// credential and client options from Microsoft.Extensions.Azure's <see cref="AzureComponentFactory"/>
/// (Microsoft.Azure.WebJobs.Extensions.Storage.Common StorageClientProvider); this does the same, so both clients see
/// one setting the same way.
/// </remarks>
internal static class QueueServiceClientFactory
{
    public const string DefaultConnectionName = "AzureWebJobsStorage";

    /// <param name="configuration">The app's configuration.</param>
    /// <param name="components">Microsoft.Extensions.Azure's factory (<c>services.AddAzureClientsCore()</c>): credential and client options.</param>
    /// <param name="encoding">The message encoding, from <see cref="QueueMessageEncodingSetting"/>.</param>
    /// <param name="connectionName">The setting to read; <c>AzureWebJobsStorage</c> unless a test says otherwise.</param>
    /// <exception cref="QueueStorageConfigurationException">
    /// The setting is missing or unusable; the message names the setting and never repeats its value.
    /// </exception>
    public static QueueServiceClient Create(
        IConfiguration configuration,
        AzureComponentFactory components,
        QueueMessageEncoding encoding,
        string connectionName = DefaultConnectionName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(components);
        ArgumentException.ThrowIfNullOrEmpty(connectionName);

        var section = configuration.GetSection(connectionName);
        var options = (QueueClientOptions)components.CreateClientOptions(typeof(QueueClientOptions), null, section);
        options.MessageEncoding = encoding;
        return StorageAccountSetting.Read(section, components, "queue").CreateClient(
            connectionName,
            connectionString => new QueueServiceClient(connectionString, options),
            (endpoint, credential) => new QueueServiceClient(endpoint, credential, options));
    }
}
