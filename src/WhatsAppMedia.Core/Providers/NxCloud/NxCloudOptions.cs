namespace WhatsAppMedia.Core.Providers.NxCloud;

/// <summary>NxCloud settings (<c>Providers__NxCloud__*</c>).</summary>
public sealed class NxCloudOptions
{
    /// <summary>The API base URL. Default <c>https://api2.nxcloud.com</c>.</summary>
    public Uri BaseUrl { get; set; } = new("https://api2.nxcloud.com");
}
