using System.Net.Http.Headers;
using System.Reflection;

namespace WhatsAppMedia.Core.Providers;

/// <summary>
/// The one <c>User-Agent</c> every request to a provider carries (Graph calls, downloads, AWS, NxCloud,
/// SMSGatewayCenter): the product and its version, so a provider can tell this service's traffic apart, and so Meta's
/// media download, which refuses a request without one, answers. It is set once per typed client, in the client's
/// configuration, never per request: adding it per call to a shared client stacks one more copy each time.
/// </summary>
internal static class ProductUserAgent
{
    public const string ProductName = "WhatsAppMediaService";

    /// <summary>The assembly's informational version without the source revision (<c>1.0.0</c>, not <c>1.0.0+abc123…</c>).</summary>
    public static string Version { get; } = ReadVersion();

    public static ProductInfoHeaderValue Value { get; } = new(ProductName, Version);

    /// <summary>Replaces whatever <paramref name="client"/> would send with exactly one product token.</summary>
    public static void Apply(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.UserAgent.Clear();
        client.DefaultRequestHeaders.UserAgent.Add(Value);
    }

    private static string ReadVersion()
    {
        var informational = typeof(ProductUserAgent).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var version = string.IsNullOrEmpty(informational) ? typeof(ProductUserAgent).Assembly.GetName().Version?.ToString(3) : informational.Split('+')[0];
        return string.IsNullOrEmpty(version) ? "0.0.0" : version;
    }
}
