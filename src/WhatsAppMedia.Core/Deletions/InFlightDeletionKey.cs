using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Core.Deletions;

/// <summary>What makes two deletions the same call (<see cref="InFlightDeletions"/>): the tenant, its provider, the media id and the phone used.</summary>
internal sealed record InFlightDeletionKey(string TenantId, string Provider, string MediaId, string? Phone);
