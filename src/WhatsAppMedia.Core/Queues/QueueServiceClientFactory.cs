using Azure.Core;
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
public static class QueueServiceClientFactory
{
    public const string DefaultConnectionName = "AzureWebJobsStorage";

    private const string QueueServiceUriKey = "queueServiceUri";
    private const string AccountNameKey = "accountName";
    private const string ClientIdKey = "clientId";

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

        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            try
            {
                return new QueueServiceClient(section.Value.Trim(), options);
            }
            catch (Exception exception) when (exception is FormatException or InvalidOperationException or ArgumentException)
            {
                // The SDK's parse errors are generic, but the connection string holds a key: nothing of it is repeated.
                throw new QueueStorageConfigurationException(
                    connectionName,
                    "is not a usable storage connection string (UseDevelopmentStorage=true for Azurite, or "
                    + "DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…;EndpointSuffix=core.windows.net)");
            }
        }

        var endpoint = ReadEndpoint(section, connectionName);
        ReadClientId(section, connectionName);
        TokenCredential credential = components.CreateTokenCredential(section);
        return new QueueServiceClient(endpoint, credential, options);
    }

    private static Uri ReadEndpoint(IConfigurationSection section, string connectionName)
    {
        var serviceUri = Child(section, QueueServiceUriKey);
        var accountName = Child(section, AccountNameKey);
        if (serviceUri is null && accountName is null)
        {
            throw new QueueStorageConfigurationException(
                connectionName,
                "not set; give a connection string (UseDevelopmentStorage=true for Azurite) or identity-based "
                + $"{SettingName(connectionName, QueueServiceUriKey)} or {SettingName(connectionName, AccountNameKey)}");
        }

        if (serviceUri is not null && accountName is not null)
        {
            throw new QueueStorageConfigurationException(
                SettingName(connectionName, QueueServiceUriKey), $"set either it or {SettingName(connectionName, AccountNameKey)}, not both");
        }

        if (serviceUri is not null)
        {
            // A bearer token must never travel in clear text, so only https is accepted (the SDK refuses it too, later).
            return Uri.TryCreate(serviceUri, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.UserInfo)
                ? uri
                : throw new QueueStorageConfigurationException(
                    SettingName(connectionName, QueueServiceUriKey),
                    "must be an absolute https URI without query such as https://myaccount.queue.core.windows.net");
        }

        // Azure's account naming rules: 3 to 24 lowercase letters and digits.
        return accountName!.Length is >= 3 and <= 24 && accountName.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            ? new Uri($"https://{accountName}.queue.core.windows.net", UriKind.Absolute)
            : throw new QueueStorageConfigurationException(
                SettingName(connectionName, AccountNameKey), "must be a storage account name: 3 to 24 lowercase letters and digits");
    }

    /// <summary>The credential factory would pass a malformed client id on and fail at the first request; refuse it now.</summary>
    private static void ReadClientId(IConfigurationSection section, string connectionName)
    {
        if (Child(section, ClientIdKey) is { } clientId && !Guid.TryParseExact(clientId, "D", out _))
        {
            throw new QueueStorageConfigurationException(
                SettingName(connectionName, ClientIdKey), "must be the identity's client id, a GUID such as 00000000-0000-0000-0000-000000000000");
        }
    }

    private static string? Child(IConfigurationSection section, string key) =>
        string.IsNullOrWhiteSpace(section[key]) ? null : section[key]!.Trim();

    private static string SettingName(string connectionName, string key) => $"{connectionName}__{key}";
}
