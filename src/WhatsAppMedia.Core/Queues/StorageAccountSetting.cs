using Azure.Core;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;

namespace WhatsAppMedia.Core.Queues;

/// <summary>
/// Reads the Functions storage setting (docs/architecture.md, "Storage settings") for one storage service the way the Functions host's storage
/// extensions do: a connection string in <c>AzureWebJobsStorage</c> wins; otherwise the identity-based
/// <c>AzureWebJobsStorage__{service}ServiceUri</c> or <c>__accountName</c>, with optional <c>__credential</c> and
/// <c>__clientId</c>. Shared by <see cref="QueueServiceClientFactory"/> and <see cref="TableServiceClientFactory"/>, so
/// queues and batch state read one setting identically.
/// </summary>
/// <param name="ConnectionString">The connection string, when one is set; then <see cref="Endpoint"/> and <see cref="Credential"/> are null.</param>
/// <param name="Endpoint">The service endpoint of the identity-based form.</param>
/// <param name="Credential">The identity's credential (Microsoft.Extensions.Azure's <see cref="AzureComponentFactory"/>).</param>
internal sealed record StorageAccountSetting(string? ConnectionString, Uri? Endpoint, TokenCredential? Credential)
{
    private const string AccountNameKey = "accountName";
    private const string ClientIdKey = "clientId";

    /// <param name="section">The <c>AzureWebJobsStorage</c> section.</param>
    /// <param name="components">Supplies the credential of the identity-based form.</param>
    /// <param name="service">The storage service: <c>queue</c> or <c>table</c>; names the <c>{service}ServiceUri</c> key and the account host.</param>
    /// <exception cref="QueueStorageConfigurationException">The setting is missing or unusable; the message never repeats its value.</exception>
    public static StorageAccountSetting Read(IConfigurationSection section, AzureComponentFactory components, string service)
    {
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return new StorageAccountSetting(section.Value.Trim(), null, null);
        }

        var endpoint = ReadEndpoint(section, service);
        ReadClientId(section);
        return new StorageAccountSetting(null, endpoint, components.CreateTokenCredential(section));
    }

    /// <summary>Builds one service's client from the setting, in whichever form it has.</summary>
    /// <param name="fromConnectionString">The SDK's connection-string constructor.</param>
    /// <param name="fromIdentity">The SDK's endpoint-and-credential constructor.</param>
    /// <exception cref="QueueStorageConfigurationException">
    /// The setting is missing or unusable, or the SDK refused the connection string; never repeats its value.
    /// </exception>
    public TClient CreateClient<TClient>(string connectionName, Func<string, TClient> fromConnectionString, Func<Uri, TokenCredential, TClient> fromIdentity)
    {
        if (ConnectionString is null)
        {
            return fromIdentity(Endpoint!, Credential!);
        }

        try
        {
            return fromConnectionString(ConnectionString);
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

    private static Uri ReadEndpoint(IConfigurationSection section, string service)
    {
        var connectionName = section.Path;
        var serviceUriKey = service + "ServiceUri";
        var serviceUri = Child(section, serviceUriKey);
        var accountName = Child(section, AccountNameKey);
        if (serviceUri is null && accountName is null)
        {
            throw new QueueStorageConfigurationException(
                connectionName,
                "not set; give a connection string (UseDevelopmentStorage=true for Azurite) or identity-based "
                + $"{SettingName(connectionName, serviceUriKey)} or {SettingName(connectionName, AccountNameKey)}");
        }

        if (serviceUri is not null && accountName is not null)
        {
            throw new QueueStorageConfigurationException(
                SettingName(connectionName, serviceUriKey), $"set either it or {SettingName(connectionName, AccountNameKey)}, not both");
        }

        if (serviceUri is not null)
        {
            // A bearer token must never travel in clear text, so only https is accepted (the SDK refuses it too, later).
            var example = $"https://myaccount.{service}.core.windows.net";
            if (!Uri.TryCreate(serviceUri, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.UserInfo))
            {
                throw new QueueStorageConfigurationException(
                    SettingName(connectionName, serviceUriKey), $"must be an absolute https URI without query such as {example}");
            }

            // Users write the blob endpoint, or one with a queue or table name after it
            // (https://github.com/MicrosoftDocs/azure-docs/issues/83529); the SDK would fail only at the first request.
            if (OtherService(uri, service) is { } other)
            {
                throw new QueueStorageConfigurationException(
                    SettingName(connectionName, serviceUriKey), $"points at the {other} endpoint; give the {service} endpoint, such as {example}");
            }

            if (!IsServiceRoot(uri))
            {
                throw new QueueStorageConfigurationException(
                    SettingName(connectionName, serviceUriKey),
                    $"must be the {service} service's root without a path, such as {example} (an emulator on an IP address or localhost may add its account: https://127.0.0.1:10001/devstoreaccount1)");
            }

            return uri;
        }

        // Azure's account naming rules: 3 to 24 lowercase letters and digits.
        return accountName!.Length is >= 3 and <= 24 && accountName.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            ? new Uri($"https://{accountName}.{service}.core.windows.net", UriKind.Absolute)
            : throw new QueueStorageConfigurationException(
                SettingName(connectionName, AccountNameKey), "must be a storage account name: 3 to 24 lowercase letters and digits");
    }

    private static readonly string[] StorageServices = ["blob", "dfs", "file", "queue", "table", "web"];

    /// <summary>The storage service other than <paramref name="service"/> that <paramref name="uri"/>'s host names (<c>{account}.{service}.…</c>), or null.</summary>
    private static string? OtherService(Uri uri, string service)
    {
        if (uri.HostNameType != UriHostNameType.Dns)
        {
            return null;
        }

        var labels = uri.Host.Split('.');
        return labels.Length >= 3 && StorageServices.Contains(labels[1], StringComparer.OrdinalIgnoreCase) && !labels[1].Equals(service, StringComparison.OrdinalIgnoreCase)
            ? labels[1].ToLowerInvariant()
            : null;
    }

    /// <summary>
    /// No path (a trailing slash, as the portal and Bicep's <c>primaryEndpoints</c> write it, is fine), except the one
    /// segment of an emulator's path-style account on an IP address or <c>localhost</c>.
    /// </summary>
    private static bool IsServiceRoot(Uri uri)
    {
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length == 0 || (segments.Length == 1 && (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || uri.IsLoopback));
    }

    /// <summary>The credential factory would pass a malformed client id on and fail at the first request; refuse it now.</summary>
    private static void ReadClientId(IConfigurationSection section)
    {
        if (Child(section, ClientIdKey) is { } clientId && !Guid.TryParseExact(clientId, "D", out _))
        {
            throw new QueueStorageConfigurationException(
                SettingName(section.Path, ClientIdKey), "must be the identity's client id, a GUID such as 00000000-0000-0000-0000-000000000000");
        }
    }

    private static string? Child(IConfigurationSection section, string key) =>
        string.IsNullOrWhiteSpace(section[key]) ? null : section[key]!.Trim();

    private static string SettingName(string connectionName, string key) => $"{connectionName}__{key}";
}
