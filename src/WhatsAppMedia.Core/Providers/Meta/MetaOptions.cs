namespace WhatsAppMedia.Core.Providers.Meta;

/// <summary>Meta WhatsApp Cloud API settings (<c>Providers__Meta__*</c>).</summary>
public sealed class MetaOptions
{
    /// <summary>The Graph API base URL. Default <c>https://graph.facebook.com</c>.</summary>
    public Uri BaseUrl { get; set; } = new("https://graph.facebook.com");

    /// <summary>The Graph API version used when a tenant does not pin one. Default <c>v23.0</c>.</summary>
    public string GraphVersion { get; set; } = "v23.0";
}
