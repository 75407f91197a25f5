using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;
using WhatsAppMedia.Core.Hosting;

namespace WhatsAppMedia.DevHost;

public static class DevHostConfiguration
{
    public const string DefaultUrl = "http://localhost:7071";

    /// <summary>
    /// Configuration in the order README.md, "Configuration", states: the <c>Values</c> of <c>local.settings.json</c> (or the sample), then
    /// environment variables and the command line, which win. Queue settings come from the repository's <c>host.json</c>.
    /// </summary>
    public static WebApplicationBuilder ConfigureDevHost(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var root = RepositoryRoot.Find();
        var (_, values) = LocalSettings.Load(root);
        var settings = new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase)
        {
            [QueueHostSettings.HostJsonPathKey] = Path.Combine(root, "host.json"),
            [DevHostPaths.RepositoryRootKey] = root,
        };

        // Without a vault the local host signs receipt digests with a key file it creates on first start
        // (docs/receipts.md, "The signing key"); with one, the vault's secret, as in Azure.
        if (string.IsNullOrEmpty(builder.Configuration[DevHostPaths.VaultUriKey]) && !settings.ContainsKey(DevHostPaths.VaultUriKey))
        {
            settings.TryAdd(DevHostPaths.SigningKeyFileKey, Path.Combine(root, ".local", "receipt-signing-key.pem"));
        }

        // One line per request or message at Information; HttpClient, ASP.NET Core and the Azure SDK (which the queue
        // engine forwards: every request of every poll) at Warning, unless a setting says otherwise.
        foreach (var (key, value) in LogLevelDefaults.Values)
        {
            settings.TryAdd(key, value);
        }

        var sources = builder.Configuration.Sources;
        var firstEnvironmentSource = sources.Select((source, index) => (source, index)).FirstOrDefault(pair => pair.source is EnvironmentVariablesConfigurationSource);
        var position = firstEnvironmentSource.source is null ? sources.Count : firstEnvironmentSource.index;
        sources.Insert(position, new MemoryConfigurationSource { InitialData = settings });

        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return builder;
    }
}
