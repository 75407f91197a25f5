using System.Diagnostics.CodeAnalysis;
using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Core.Tenants;

/// <summary>The entry check of a media id and phone for one tenant, shared by DELETE, GET, bulk items and queue messages.</summary>
internal static class TenantMediaTargets
{
    /// <summary>
    /// The target with the phone <see cref="ProviderPhones.For"/> picks (the caller's, else the tenant's default where
    /// the provider applies one; docs/api.md, "Which phone a call uses"), checked with the tenant's provider:
    /// <c>phone_required</c> when the provider needs a phone and there is none.
    /// </summary>
    public static bool TryResolve(
        this ProviderClient client, Tenant tenant, string mediaId, string? phone, [NotNullWhen(true)] out MediaTarget? target, [NotNullWhen(false)] out IdentifierError? error)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(tenant);
        return client.TryResolve(tenant.Provider, mediaId, ProviderPhones.For(tenant.Credentials, phone, tenant.Phone), out target, out error);
    }
}
