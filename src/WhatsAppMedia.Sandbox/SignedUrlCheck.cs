namespace WhatsAppMedia.Sandbox;

/// <summary>What <see cref="SignedUrls.Check"/> found.</summary>
internal enum SignedUrlCheck
{
    Valid,

    /// <summary>Issued here, but its time is over.</summary>
    Expired,

    /// <summary>A parameter is missing or was changed: this sandbox never issued the URL.</summary>
    NotIssued,
}
