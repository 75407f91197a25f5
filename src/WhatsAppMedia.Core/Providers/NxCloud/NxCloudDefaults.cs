namespace WhatsAppMedia.Core.Providers.NxCloud;

/// <summary>The defaults of <see cref="NxCloudOptions"/>, stated once (README.md, "Configuration").</summary>
internal static class NxCloudDefaults
{
    public const string BaseUrl = "https://api2.nxcloud.com";
}
