namespace WhatsAppMedia.Sandbox.Meta;

/// <summary>What <see cref="MetaDownloadUrls.Check"/> found.</summary>
internal enum MetaDownloadUrlCheck
{
    Valid,

    /// <summary>Issued here, but its five minutes are over.</summary>
    Expired,

    /// <summary>A parameter is missing or was changed: this sandbox never issued the URL.</summary>
    NotIssued,
}
