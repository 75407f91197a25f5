using Azure.Storage.Queues;

namespace WhatsAppMedia.Core.Queues;

/// <summary>
/// Reads <c>host.json</c> <c>extensions.queues.messageEncoding</c>: the one place that decides how every queue client of
/// the service (producer, <c>-failed</c> writer, the local host's trigger) encodes message text.
/// </summary>
internal static class QueueMessageEncodingSetting
{
    /// <summary>The setting's path, for error messages.</summary>
    public const string Path = "extensions.queues.messageEncoding";

    /// <summary>
    /// <c>base64</c> (also when absent, the Functions default) or <c>none</c>, in any letter case: the values the
    /// Functions host's <c>QueuesOptions.MessageEncoding</c> binds.
    /// </summary>
    /// <exception cref="FormatException">Any other value.</exception>
    public static QueueMessageEncoding Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || string.Equals(value.Trim(), "base64", StringComparison.OrdinalIgnoreCase))
        {
            return QueueMessageEncoding.Base64;
        }

        if (string.Equals(value.Trim(), "none", StringComparison.OrdinalIgnoreCase))
        {
            return QueueMessageEncoding.None;
        }

        throw new FormatException($"{Path} must be \"base64\" or \"none\".");
    }
}
