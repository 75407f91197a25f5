namespace WhatsAppMedia.Load;

/// <summary>Where the DELETE-now requests go.</summary>
internal enum ImmediateDeletionTarget
{
    /// <summary>The service: <c>DELETE /api/tenants/demo-meta/media/{id}</c> with the tenant's API key.</summary>
    Service,

    /// <summary>
    /// The baseline: the request the service would send, straight to the sandbox (<c>DELETE /meta/v23.0/{id}</c> with
    /// the tenant's bearer token), so the service's overhead is the measured difference.
    /// </summary>
    Sandbox,
}
