using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using WhatsAppMedia.Core.Queues;

namespace WhatsAppMedia.Core.Hosting;

/// <summary>
/// The queue settings of <c>host.json</c> (<c>extensions.queues</c>), with the Functions host's defaults, overridable
/// the way the Functions host allows: app settings <c>AzureFunctionsJobHost__extensions__queues__{name}</c>.
/// </summary>
public sealed record QueueHostSettings(
    int BatchSize,
    int NewBatchThreshold,
    TimeSpan MaxPollingInterval,
    TimeSpan VisibilityTimeout,
    int MaxDequeueCount,
    QueueMessageEncoding MessageEncoding)
{
    public const string OverrideSection = "AzureFunctionsJobHost:extensions:queues";

    /// <summary>The configuration key naming the host.json to read; default: <c>host.json</c> beside the app.</summary>
    public const string HostJsonPathKey = "MediaDeletion:HostJsonPath";

    public static QueueHostSettings Defaults { get; } = new(16, 8, TimeSpan.FromMinutes(1), TimeSpan.Zero, 5, QueueMessageEncoding.Base64);

    public static string DefaultHostJsonPath(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[HostJsonPathKey] is { Length: > 0 } path ? path : Path.Combine(AppContext.BaseDirectory, "host.json");
    }

    /// <summary>Reads <paramref name="hostJsonPath"/> (absent: the defaults) and applies configuration overrides.</summary>
    /// <exception cref="FormatException">A value is present but not of the documented form; the message names it.</exception>
    public static QueueHostSettings Read(string hostJsonPath, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (File.Exists(hostJsonPath))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(hostJsonPath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("queues", out var queues) && queues.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in queues.EnumerateObject())
                {
                    values[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
                }
            }
        }

        foreach (var setting in configuration.GetSection(OverrideSection).GetChildren())
        {
            values[setting.Key] = setting.Value;
        }

        var batchSize = Int(values, "batchSize", Defaults.BatchSize, 1, 32);
        return new QueueHostSettings(
            batchSize,
            Int(values, "newBatchThreshold", batchSize / 2, 0, 1024),
            Time(values, "maxPollingInterval", Defaults.MaxPollingInterval, TimeSpan.FromMilliseconds(100)),
            Time(values, "visibilityTimeout", Defaults.VisibilityTimeout, TimeSpan.Zero),
            Int(values, "maxDequeueCount", Defaults.MaxDequeueCount, 1, 1000),
            QueueMessageEncodingSetting.Parse(values.GetValueOrDefault("messageEncoding")));
    }

    private static int Int(Dictionary<string, string?> values, string name, int fallback, int min, int max)
    {
        if (values.GetValueOrDefault(name) is not { } text)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new FormatException($"extensions.queues.{name} must be a whole number from {min} to {max}.");
    }

    private static TimeSpan Time(Dictionary<string, string?> values, string name, TimeSpan fallback, TimeSpan min)
    {
        if (values.GetValueOrDefault(name) is not { } text)
        {
            return fallback;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value >= min && value <= TimeSpan.FromDays(7)
            ? value
            : throw new FormatException($"extensions.queues.{name} must be a time span such as 00:00:30, from {min} to 7 days.");
    }
}
