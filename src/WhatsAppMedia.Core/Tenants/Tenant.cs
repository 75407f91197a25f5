using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Core.Tenants;

/// <summary>
/// One customer account with exactly one WhatsApp provider, as read from its tenant document (docs/formats.md, "Tenant document").
/// <see cref="ToString"/> redacts the key hash and, through <see cref="ProviderCredentials"/>, every secret.
/// </summary>
/// <param name="Id">The tenant id (already checked with <see cref="TenantIds.IsValid"/>).</param>
/// <param name="ApiKeySha256">Lowercase hex SHA-256 of the caller's API key.</param>
/// <param name="Phone">The default phone identity (meaning per provider), or null.</param>
/// <param name="Credentials">The provider credentials; their type decides <see cref="Provider"/>.</param>
/// <param name="RequestsPerSecond">The document's own request budget, or null for the provider's default (docs/pacing.md).</param>
/// <param name="RetentionDeleteAfter">The document's <c>retention.deleteAfter</c>: how long after it was uploaded or received a registered media id is deleted (docs/scheduling.md, "Retention"); null: no policy.</param>
public sealed record Tenant(string Id, string ApiKeySha256, string? Phone, ProviderCredentials Credentials, double? RequestsPerSecond = null, TimeSpan? RetentionDeleteAfter = null)
{
    /// <summary>The provider's wire name, for example <c>meta</c>.</summary>
    public string Provider => Credentials.Provider;

    public override string ToString() =>
        $"Tenant {{ Id = {Id}, Provider = {Provider}, Phone = {Phone}, RequestsPerSecond = {RequestsPerSecond}, RetentionDeleteAfter = {RetentionDeleteAfter}, ApiKeySha256 = ***, Credentials = {Credentials} }}";
}
