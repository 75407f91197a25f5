using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace WhatsAppMedia.Core.Hosting;

/// <summary>
/// The shipped log levels of both hosts (docs/logging.md): the service's own categories at Information, which write one
/// line per request or queue message, and the framework's chatty ones at Warning: HttpClient writes four lines per
/// provider call, ASP.NET Core several per request, the Azure SDK one per storage call. Any setting a user writes
/// (<c>Logging__LogLevel__System.Net.Http.HttpClient=Information</c>, <c>local.settings.json</c>, app settings) wins.
/// </summary>
public static class LogLevelDefaults
{
    public static IReadOnlyDictionary<string, string?> Values { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
        ["Logging:LogLevel:Azure.Core"] = "Warning",

        // The WebJobs queue engine's lines per invocation (Executing, Trigger Details, Executed, Host.Results), in the
        // local host, which runs the same engine; the Functions host itself reads its levels from host.json.
        ["Logging:LogLevel:Function"] = "Warning",
        ["Logging:LogLevel:Host"] = "Warning",
    };

    /// <summary>Adds <see cref="Values"/> under every other source of <paramref name="configuration"/>, so each of them overrides it.</summary>
    public static void AddUnder(IConfigurationBuilder configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Values });
    }
}
