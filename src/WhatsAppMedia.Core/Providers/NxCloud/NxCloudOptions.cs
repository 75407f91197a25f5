namespace WhatsAppMedia.Core.Providers.NxCloud;

/// <summary>NxCloud settings, section <c>Providers:NxCloud</c> (<c>Providers__NxCloud__*</c>), checked by <see cref="NxCloudOptionsValidator"/> at start.</summary>
internal sealed class NxCloudOptions
{
    public const string SectionName = "Providers:NxCloud";

    /// <summary>The API base URL.</summary>
    /// <value>Default <c>https://api2.nxcloud.com</c>.</value>
    public Uri BaseUrl { get; set; } = new(NxCloudDefaults.BaseUrl);
}
