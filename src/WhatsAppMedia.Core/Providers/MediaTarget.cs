namespace WhatsAppMedia.Core.Providers;

/// <summary>
/// A media object at a tenant's provider: its media id and, where the provider uses one, the phone identity that owns it
/// (meaning per provider, docs/formats.md, "Tenant document"). Only <see cref="ProviderClient.TryResolve"/> makes one, after
/// both passed the provider's own formats, so a target always holds valid identifiers and nothing downstream checks
/// them again (docs/api.md, "Conventions").
/// </summary>
internal sealed record MediaTarget
{
    internal MediaTarget(string mediaId, string? phone = null)
    {
        MediaId = mediaId;
        Phone = phone;
    }

    /// <summary>The provider's media id, as the caller sent it.</summary>
    public string MediaId { get; }

    /// <summary>The phone identity the call uses, or null.</summary>
    public string? Phone { get; }
}
