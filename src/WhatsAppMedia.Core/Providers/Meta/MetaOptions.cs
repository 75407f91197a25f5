namespace WhatsAppMedia.Core.Providers.Meta;

/// <summary>Meta WhatsApp Cloud API settings, section <c>Providers:Meta</c> (<c>Providers__Meta__*</c>), checked by <see cref="MetaOptionsValidator"/> at start.</summary>
internal sealed class MetaOptions
{
    public const string SectionName = "Providers:Meta";

    /// <summary>The Graph API base URL.</summary>
    /// <value>Default <c>https://graph.facebook.com</c>.</value>
    public Uri BaseUrl { get; set; } = new(MetaDefaults.BaseUrl);

    /// <summary>The Graph API version used when a tenant does not pin one.</summary>
    /// <value>Default <c>v23.0</c>.</value>
    public string GraphVersion { get; set; } = MetaDefaults.GraphVersion;

    /// <summary>
    /// The hosts the tenant's token may be sent to when <c>/content</c> fetches a media URL, comma-separated, each
    /// compared exactly (case-insensitively, as DNS names compare; no suffix matching). See <see cref="DownloadHosts"/>.
    /// </summary>
    /// <value>Default <c>lookaside.fbsbx.com</c>, where Meta's media URLs point.</value>
    public string MediaDownloadHosts { get; set; } = MetaDefaults.MediaDownloadHosts;

    /// <summary>The largest file <c>/content</c> streams, in bytes.</summary>
    /// <value>Default 104857600 (100 MiB, WhatsApp's largest document).</value>
    public long MaxDownloadBytes { get; set; } = MetaDefaults.MaxDownloadBytes;

    /// <summary><see cref="MediaDownloadHosts"/> split at commas, each entry trimmed, empty entries dropped.</summary>
    public IReadOnlyList<string> DownloadHosts =>
        (MediaDownloadHosts ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
