using Azure.Identity;
using Microsoft.Extensions.Configuration;
using WhatsAppMedia.Core.Hosting;

namespace WhatsAppMedia.Core.Queues;

/// <summary>
/// Builds the queue client from the Functions storage settings (contract §4): the connection string in
/// <c>AzureWebJobsStorage</c>, or, when that is empty, the identity-based <c>AzureWebJobsStorage__queueServiceUri</c> or
/// <c>__accountName</c> with optional <c>__credential</c> and <c>__clientId</c>. A connection string wins over
/// identity settings, as in the Functions host.
/// </summary>
public static class QueueStorageAccountFactory
{
    public const string DefaultConnectionName = "AzureWebJobsStorage";

    private const string QueueServiceUriKey = "queueServiceUri";
    private const string AccountNameKey = "accountName";
    private const string CredentialKey = "credential";
    private const string ClientIdKey = "clientId";
    private const string ManagedIdentityCredentialName = "managedidentity";

    /// <summary>Reads the connection settings and builds the account client with one shared pipeline.</summary>
    /// <exception cref="QueueStorageConfigurationException">Settings are missing or unusable.</exception>
    public static QueueStorageAccount Create(
        IConfiguration configuration,
        QueueMessageEncoding encoding,
        TimeProvider timeProvider,
        QueueStorageClientOptions? options = null,
        string connectionName = DefaultConnectionName) =>
        new(ReadConnection(configuration, connectionName), encoding, timeProvider, options);

    /// <summary>Reads where the queue service is and how to authorize, without building a pipeline.</summary>
    /// <exception cref="QueueStorageConfigurationException">Settings are missing or unusable.</exception>
    public static QueueStorageConnection ReadConnection(IConfiguration configuration, string connectionName = DefaultConnectionName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(connectionName);

        var connectionString = configuration[connectionName];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return StorageConnectionStringParser.Parse(connectionString, connectionName);
        }

        var serviceUri = Child(configuration, connectionName, QueueServiceUriKey);
        var accountName = Child(configuration, connectionName, AccountNameKey);
        if (serviceUri is null && accountName is null)
        {
            throw new QueueStorageConfigurationException(
                connectionName,
                $"not set; give a connection string (UseDevelopmentStorage=true for Azurite) or identity-based "
                + $"{SettingName(connectionName, QueueServiceUriKey)} or {SettingName(connectionName, AccountNameKey)}");
        }

        if (serviceUri is not null && accountName is not null)
        {
            throw new QueueStorageConfigurationException(
                SettingName(connectionName, QueueServiceUriKey),
                $"set either it or {SettingName(connectionName, AccountNameKey)}, not both");
        }

        var endpoint = serviceUri is not null
            ? ReadServiceUri(serviceUri, connectionName)
            : AccountEndpoint(accountName!, connectionName);
        var clientId = ReadClientId(configuration, connectionName);
        return ReadCredentialKind(configuration, connectionName) switch
        {
            QueueStorageAuthentication.ManagedIdentity => QueueStorageConnection.WithTokenCredential(
                endpoint,
                new ManagedIdentityCredential(clientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId)),
                QueueStorageAuthentication.ManagedIdentity,
                clientId),
            _ => QueueStorageConnection.WithTokenCredential(
                endpoint,
                ServiceIdentity.Credential(clientId),
                QueueStorageAuthentication.DefaultAzureCredential,
                clientId),
        };
    }

    private static Uri ReadServiceUri(string value, string connectionName)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || QueueStorageConnection.EndpointProblem(uri, allowPlainHttp: false) is not null)
        {
            throw new QueueStorageConfigurationException(
                SettingName(connectionName, QueueServiceUriKey),
                "must be an absolute https URI such as https://myaccount.queue.core.windows.net");
        }

        return uri;
    }

    private static Uri AccountEndpoint(string accountName, string connectionName)
    {
        if (QueueStorageConnection.AccountNameProblem(accountName) is { } problem)
        {
            throw new QueueStorageConfigurationException(SettingName(connectionName, AccountNameKey), problem);
        }

        return new Uri($"https://{accountName}.queue.core.windows.net", UriKind.Absolute);
    }

    private static string? ReadClientId(IConfiguration configuration, string connectionName)
    {
        var clientId = Child(configuration, connectionName, ClientIdKey);
        if (clientId is not null && !Guid.TryParseExact(clientId, "D", out _))
        {
            throw new QueueStorageConfigurationException(
                SettingName(connectionName, ClientIdKey), "must be the identity's client id, a GUID such as 00000000-0000-0000-0000-000000000000");
        }

        return clientId;
    }

    private static QueueStorageAuthentication ReadCredentialKind(IConfiguration configuration, string connectionName)
    {
        var credential = Child(configuration, connectionName, CredentialKey);
        if (credential is null)
        {
            return QueueStorageAuthentication.DefaultAzureCredential;
        }

        return string.Equals(credential, ManagedIdentityCredentialName, StringComparison.OrdinalIgnoreCase)
            ? QueueStorageAuthentication.ManagedIdentity
            : throw new QueueStorageConfigurationException(
                SettingName(connectionName, CredentialKey), $"must be \"{ManagedIdentityCredentialName}\" or absent");
    }

    /// <summary>
    /// <c>Name:child</c> is what environment variables (<c>Name__child</c>) become; the literal double-underscore key is
    /// what a host that copies <c>local.settings.json</c> Values verbatim produces.
    /// </summary>
    private static string? Child(IConfiguration configuration, string connectionName, string key)
    {
        var value = configuration[$"{connectionName}:{key}"] ?? configuration[SettingName(connectionName, key)];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static string SettingName(string connectionName, string key) => $"{connectionName}__{key}";
}
