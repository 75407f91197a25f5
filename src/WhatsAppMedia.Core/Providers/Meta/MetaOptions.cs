namespace WhatsAppMedia.Core.Providers.Meta;

/// <summary>Meta WhatsApp Cloud API settings, section <c>Providers:Meta</c> (<c>Providers__Meta__*</c>), checked by <see cref="MetaOptionsValidator"/> at start.</summary>
public sealed class MetaOptions
{
    public const string SectionName = "Providers:Meta";

    /// <summary>The Graph API base URL.</summary>
    /// <value>Default <c>https://graph.facebook.com</c>.</value>
    public Uri BaseUrl { get; set; } = new(MetaDefaults.BaseUrl);

    /// <summary>The Graph API version used when a tenant does not pin one.</summary>
    /// <value>Default <c>v23.0</c>.</value>
    public string GraphVersion { get; set; } = MetaDefaults.GraphVersion;
}
