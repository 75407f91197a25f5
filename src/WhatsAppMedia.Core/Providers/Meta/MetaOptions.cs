namespace WhatsAppMedia.Core.Providers.Meta;

/// <summary>Meta WhatsApp Cloud API settings (<c>Providers__Meta__*</c>).</summary>
public sealed class MetaOptions
{
    /// <summary>WhatsApp's largest media object (a 100 MB document), the default of <see cref="MaxDownloadBytes"/>.</summary>
    public const long DefaultMaxDownloadBytes = 104_857_600;

    /// <summary>The Graph API base URL. Default <c>https://graph.facebook.com</c>.</summary>
    public Uri BaseUrl { get; set; } = new("https://graph.facebook.com");

    /// <summary>The Graph API version used when a tenant does not pin one. Default <c>v23.0</c>.</summary>
    public string GraphVersion { get; set; } = "v23.0";

    /// <summary>
    /// The hosts the tenant's token may be sent to when <c>/content</c> fetches a media URL, comma-separated, each
    /// compared exactly (case-insensitively, as DNS names compare; no suffix matching). Default
    /// <c>lookaside.fbsbx.com</c>, where Meta's media URLs point. See <see cref="DownloadHosts"/>.
    /// </summary>
    public string MediaDownloadHosts { get; set; } = "lookaside.fbsbx.com";

    /// <summary>The largest file <c>/content</c> streams, in bytes. Default 104857600 (100 MiB).</summary>
    public long MaxDownloadBytes { get; set; } = DefaultMaxDownloadBytes;

    /// <summary><see cref="MediaDownloadHosts"/> split at commas, each entry trimmed, empty entries dropped.</summary>
    public IReadOnlyList<string> DownloadHosts =>
        MediaDownloadHosts.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
