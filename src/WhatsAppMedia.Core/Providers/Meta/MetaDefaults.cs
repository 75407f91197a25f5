namespace WhatsAppMedia.Core.Providers.Meta;

/// <summary>The defaults of <see cref="MetaOptions"/>, stated once (README.md, "Configuration").</summary>
internal static class MetaDefaults
{
    public const string BaseUrl = "https://graph.facebook.com";

    /// <summary>Pinned, not the newest: a new Graph version is adopted deliberately (v21.0–v26.0 were current in 2026; docs/providers/meta.md, "Settings").</summary>
    public const string GraphVersion = "v23.0";

    /// <summary>Where Meta's media URLs point (docs/providers/meta.md, "Download").</summary>
    public const string MediaDownloadHosts = "lookaside.fbsbx.com";

    /// <summary>100 MiB, WhatsApp's largest document.</summary>
    public const long MaxDownloadBytes = 104_857_600;
}
