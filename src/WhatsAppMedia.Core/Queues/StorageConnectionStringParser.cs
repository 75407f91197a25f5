using System.Buffers;

namespace WhatsAppMedia.Core.Queues;

/// <summary>
/// Reads an Azure Storage connection string (the forms <c>AzureWebJobsStorage</c> takes) into a shared-key
/// <see cref="QueueStorageConnection"/>. Errors name the setting and the part at fault, never a value, because a
/// mangled connection string can put the key anywhere.
/// </summary>
internal static class StorageConnectionStringParser
{
    private const string UseDevelopmentStorage = "UseDevelopmentStorage";
    private const string DevelopmentStorageProxyUri = "DevelopmentStorageProxyUri";
    private const string DefaultEndpointsProtocol = "DefaultEndpointsProtocol";
    private const string AccountName = "AccountName";
    private const string AccountKey = "AccountKey";
    private const string EndpointSuffix = "EndpointSuffix";
    private const string QueueEndpoint = "QueueEndpoint";
    private const string SharedAccessSignature = "SharedAccessSignature";
    private const string DefaultEndpointSuffix = "core.windows.net";

    private static readonly HashSet<string> KnownNames = new(StringComparer.OrdinalIgnoreCase)
    {
        UseDevelopmentStorage, DevelopmentStorageProxyUri, DefaultEndpointsProtocol, AccountName, AccountKey,
        EndpointSuffix, QueueEndpoint, SharedAccessSignature,
    };

    /// <summary>Endpoints of the other storage services: portal and Azurite strings carry them; the queue client has no use for them.</summary>
    private static readonly HashSet<string> OtherServiceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "BlobEndpoint", "TableEndpoint", "FileEndpoint",
        "BlobSecondaryEndpoint", "QueueSecondaryEndpoint", "TableSecondaryEndpoint", "FileSecondaryEndpoint",
    };

    /// <summary>A setting name: letters only, so a stray key fragment is never mistaken for one and echoed.</summary>
    private static readonly SearchValues<char> NameCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <exception cref="QueueStorageConfigurationException">The string is unusable.</exception>
    public static QueueStorageConnection Parse(string connectionString, string settingName)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        ArgumentException.ThrowIfNullOrEmpty(settingName);
        var settings = Split(connectionString, settingName);
        if (settings.Count == 0)
        {
            throw new QueueStorageConfigurationException(settingName, "the connection string is empty");
        }

        return settings.ContainsKey(UseDevelopmentStorage)
            ? ForDevelopmentStorage(settings, settingName)
            : ForAccount(settings, settingName);
    }

    private static Dictionary<string, string> Split(string connectionString, string settingName)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var position = 0;
        foreach (var segment in connectionString.Split(';'))
        {
            if (string.IsNullOrWhiteSpace(segment))
            {
                continue;
            }

            position++;
            var equals = segment.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? segment[..equals].Trim() : string.Empty;
            if (name.Length == 0 || name.Length > 64 || name.AsSpan().ContainsAnyExcept(NameCharacters))
            {
                throw new QueueStorageConfigurationException(settingName, $"part {position} of the connection string is not Name=Value");
            }

            if (!KnownNames.Contains(name) && !OtherServiceNames.Contains(name))
            {
                throw new QueueStorageConfigurationException(settingName, $"the connection string has an unknown part \"{name}\"");
            }

            if (!settings.TryAdd(name, segment[(equals + 1)..].Trim()))
            {
                throw new QueueStorageConfigurationException(settingName, $"the connection string gives {name} more than once");
            }
        }

        return settings;
    }

    private static QueueStorageConnection ForDevelopmentStorage(Dictionary<string, string> settings, string settingName)
    {
        if (!string.Equals(settings[UseDevelopmentStorage], "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new QueueStorageConfigurationException(settingName, $"{UseDevelopmentStorage} can only be true");
        }

        var extra = settings.Keys.FirstOrDefault(static name =>
            !string.Equals(name, UseDevelopmentStorage, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(name, DevelopmentStorageProxyUri, StringComparison.OrdinalIgnoreCase));
        if (extra is not null)
        {
            throw new QueueStorageConfigurationException(
                settingName, $"{UseDevelopmentStorage}=true cannot be combined with {extra} (only {DevelopmentStorageProxyUri})");
        }

        var endpoint = DevelopmentStorage.QueueServiceUri;
        if (settings.TryGetValue(DevelopmentStorageProxyUri, out var proxy))
        {
            if (!Uri.TryCreate(proxy, UriKind.Absolute, out var proxyUri) || (proxyUri.Scheme != Uri.UriSchemeHttp && proxyUri.Scheme != Uri.UriSchemeHttps))
            {
                throw new QueueStorageConfigurationException(settingName, $"{DevelopmentStorageProxyUri} must be an absolute http or https URI");
            }

            // The emulator convention: the proxy's scheme and host, the queue service's port, the account as the path.
            endpoint = new UriBuilder(proxyUri.Scheme, proxyUri.Host, DevelopmentStorage.QueuePort, DevelopmentStorage.AccountName).Uri;
        }

        return Build(endpoint, DevelopmentStorage.AccountName, DevelopmentStorage.AccountKey, settingName);
    }

    private static QueueStorageConnection ForAccount(Dictionary<string, string> settings, string settingName)
    {
        if (settings.ContainsKey(SharedAccessSignature))
        {
            throw new QueueStorageConfigurationException(
                settingName, $"{SharedAccessSignature} connection strings are not supported; use {AccountName} and {AccountKey}, or identity-based settings");
        }

        var accountName = Required(settings, AccountName, settingName);
        var accountKey = Required(settings, AccountKey, settingName);
        if (settings.TryGetValue(QueueEndpoint, out var queueEndpoint) && queueEndpoint.Length > 0)
        {
            if (!Uri.TryCreate(queueEndpoint, UriKind.Absolute, out var explicitEndpoint))
            {
                throw new QueueStorageConfigurationException(settingName, $"{QueueEndpoint} must be an absolute URI");
            }

            return Build(explicitEndpoint, accountName, accountKey, settingName);
        }

        var protocol = settings.TryGetValue(DefaultEndpointsProtocol, out var givenProtocol) && givenProtocol.Length > 0
            ? givenProtocol.ToLowerInvariant()
            : Uri.UriSchemeHttps;
        if (protocol != Uri.UriSchemeHttps && protocol != Uri.UriSchemeHttp)
        {
            throw new QueueStorageConfigurationException(settingName, $"{DefaultEndpointsProtocol} must be https or http");
        }

        if (AccountNameProblemOrNull(accountName) is { } nameProblem)
        {
            throw new QueueStorageConfigurationException(settingName, nameProblem);
        }

        var suffix = settings.TryGetValue(EndpointSuffix, out var givenSuffix) && givenSuffix.Length > 0 ? givenSuffix : DefaultEndpointSuffix;
        if (Uri.CheckHostName(suffix) != UriHostNameType.Dns)
        {
            throw new QueueStorageConfigurationException(settingName, $"{EndpointSuffix} must be a DNS name such as {DefaultEndpointSuffix}");
        }

        return Build(new Uri($"{protocol}://{accountName}.queue.{suffix}", UriKind.Absolute), accountName, accountKey, settingName);
    }

    private static string? AccountNameProblemOrNull(string accountName) =>
        QueueStorageConnection.AccountNameProblem(accountName) is { } problem ? $"{AccountName}: {problem}" : null;

    private static QueueStorageConnection Build(Uri endpoint, string accountName, string accountKey, string settingName)
    {
        var problem = AccountNameProblemOrNull(accountName)
            ?? (QueueStorageConnection.DecodeAccountKey(accountKey) is null ? $"{AccountKey}: {QueueStorageConnection.AccountKeyProblem}" : null)
            ?? QueueStorageConnection.EndpointProblem(endpoint, QueueStorageConnection.IsPlainHttpAllowed(endpoint, accountName));
        if (problem is not null)
        {
            throw new QueueStorageConfigurationException(settingName, problem);
        }

        return QueueStorageConnection.WithSharedKey(endpoint, accountName, accountKey);
    }

    private static string Required(Dictionary<string, string> settings, string name, string settingName) =>
        settings.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new QueueStorageConfigurationException(settingName, $"the connection string has no {name}");
}
