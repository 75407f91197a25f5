namespace WhatsAppMedia.Core.Queues;

/// <summary>
/// The queue storage settings are missing or unusable. The message names the setting and the problem, never a key.
/// </summary>
public sealed class QueueStorageConfigurationException : Exception
{
    public QueueStorageConfigurationException()
        : this("Queue storage settings are unusable.")
    {
    }

    public QueueStorageConfigurationException(string message)
        : base(message)
    {
        SettingName = string.Empty;
    }

    public QueueStorageConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        SettingName = string.Empty;
    }

    public QueueStorageConfigurationException(string settingName, string problem)
        : base($"{settingName}: {problem}.")
    {
        SettingName = settingName;
    }

    /// <summary>The configuration key at fault, as an operator would write it (for example <c>AzureWebJobsStorage</c>).</summary>
    public string SettingName { get; }
}
