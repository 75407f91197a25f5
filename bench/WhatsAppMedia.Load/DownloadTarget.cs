namespace WhatsAppMedia.Load;

/// <summary>Where a download scenario fetches the file from.</summary>
internal enum DownloadTarget
{
    /// <summary>Straight from the sandbox inside the host: Meta's metadata GET, then its download URL, with the tenant's token.</summary>
    Sandbox,

    /// <summary>Through the service: <c>GET /api/tenants/demo-meta/media/{mediaId}/content</c>.</summary>
    Service,
}
