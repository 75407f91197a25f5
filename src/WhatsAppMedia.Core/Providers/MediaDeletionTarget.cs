namespace WhatsAppMedia.Core.Providers;

/// <summary>What to delete: a media id and, where the provider uses one, the phone identity that owns it.</summary>
/// <param name="MediaId">The provider's media id, as the caller sent it.</param>
/// <param name="Phone">The phone identity (meaning per provider, docs/formats.md, "Tenant document"), or null.</param>
public sealed record MediaDeletionTarget(string MediaId, string? Phone = null);
