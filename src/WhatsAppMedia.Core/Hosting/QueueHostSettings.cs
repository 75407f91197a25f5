using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using WhatsAppMedia.Core.Queues;

namespace WhatsAppMedia.Core.Hosting;

/// <summary>
/// The queue settings of <c>host.json</c> (<c>extensions.queues</c>: <c>batchSize</c>, <c>newBatchThreshold</c>,
/// <c>maxPollingInterval</c>, <c>visibilityTimeout</c>, <c>maxDequeueCount</c>, <c>messageEncoding</c>), overridable
/// the way the Functions host allows: app settings <c>AzureFunctionsJobHost__extensions__queues__{name}</c>.
/// </summary>
/// <param name="Queues">The merged section, keys as in host.json; the local host binds the queue trigger's <c>QueuesOptions</c> from it.</param>
/// <param name="MessageEncoding">The encoding every queue client of the service uses (<see cref="QueueMessageEncodingSetting"/>).</param>
public sealed record QueueHostSettings(IConfiguration Queues, QueueMessageEncoding MessageEncoding)
{
    public const string OverrideSection = "AzureFunctionsJobHost:extensions:queues";

    /// <summary>The configuration key naming the host.json to read; default: <c>host.json</c> beside the app.</summary>
    public const string HostJsonPathKey = "MediaDeletion:HostJsonPath";

    private const string QueuesSection = "extensions:queues";

    public static string DefaultHostJsonPath(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[HostJsonPathKey] is { Length: > 0 } path ? path : Path.Combine(AppContext.BaseDirectory, "host.json");
    }

    /// <summary>Reads <paramref name="hostJsonPath"/> (absent: the Functions defaults) and applies configuration overrides.</summary>
    /// <exception cref="FormatException">host.json is not JSON, or <c>messageEncoding</c> is neither base64 nor none.</exception>
    public static QueueHostSettings Read(string hostJsonPath, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = new ConfigurationBuilder();
        if (File.Exists(hostJsonPath))
        {
            // The JSON configuration provider skips comments and trailing commas, as the Functions host's reader does.
            builder.AddJsonFile(Path.GetFullPath(hostJsonPath), optional: false, reloadOnChange: false);
        }

        var overrides = configuration.GetSection(OverrideSection).AsEnumerable(makePathsRelative: true)
            .Where(setting => setting.Value is not null)
            .Select(setting => KeyValuePair.Create($"{QueuesSection}:{setting.Key}", setting.Value));
        builder.AddInMemoryCollection(overrides);

        IConfiguration queues;
        try
        {
            queues = builder.Build().GetSection(QueuesSection);
        }
        catch (InvalidDataException exception)
        {
            throw new FormatException($"{hostJsonPath} is not valid JSON.", exception);
        }

        return new QueueHostSettings(queues, QueueMessageEncodingSetting.Parse(queues["messageEncoding"]));
    }

    /// <summary>
    /// The idle polling ceiling, <c>maxPollingInterval</c>: the Functions default of one minute when absent (the engine
    /// itself lowers that to 2 s in a Development environment).
    /// </summary>
    /// <exception cref="FormatException">Present but not a time span.</exception>
    public TimeSpan MaxPollingInterval() => Queues["maxPollingInterval"] is { Length: > 0 } text
        ? TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero
            ? interval
            : throw new FormatException("extensions.queues.maxPollingInterval must be a time span such as 00:00:02.")
        : TimeSpan.FromMinutes(1);

    /// <summary>
    /// <c>maxDequeueCount</c>: the delivery on which a failure sends the message to <c>{queue}-poison</c>; the Functions
    /// default of 5 when absent.
    /// </summary>
    /// <exception cref="FormatException">Present but not a whole number of at least 1.</exception>
    public int MaxDequeueCount() => Queues["maxDequeueCount"] is { Length: > 0 } text
        ? int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) && count >= 1
            ? count
            : throw new FormatException("extensions.queues.maxDequeueCount must be a whole number of at least 1.")
        : 5;
}
