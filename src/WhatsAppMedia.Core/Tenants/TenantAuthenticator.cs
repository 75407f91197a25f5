using System.Security.Cryptography;
using System.Text;

namespace WhatsAppMedia.Core.Tenants;

/// <summary>
/// Checks a caller's <c>X-Api-Key</c> against the tenant's <c>apiKeySha256</c> (docs/openapi.json). A missing key, a wrong
/// key and an unknown tenant give the same <see cref="TenantAuthenticationStatus.Unauthorized"/> after the same work:
/// every path hashes the presented key and compares it in constant time, against a decoy hash when there is no tenant.
/// While the store refuses lookups of uncached ids, every failure answers as such an id does (503), so the status does
/// not tell cached ids from the rest either. What still differs is how long the store takes (a cached tenant answers
/// faster than an id the vault must be asked about); that reveals at most that someone used the tenant recently, never
/// anything about its key.
/// </summary>
internal sealed class TenantAuthenticator(ITenantStore store)
{
    /// <summary>Longer presented keys are treated as wrong without hashing them; generated keys are 43 characters.</summary>
    public const int MaxApiKeyLength = 512;

    private static readonly byte[] DecoyHash = SHA256.HashData("no tenant has this key"u8);

    public async ValueTask<TenantAuthentication> AuthenticateAsync(string? tenantId, string? apiKey, CancellationToken cancellationToken = default)
    {
        if (!TenantIds.IsValid(tenantId))
        {
            return TenantAuthentication.InvalidTenantId;
        }

        var lookup = await store.GetAsync(tenantId, cancellationToken);
        if (lookup.Status == TenantLookupStatus.Unavailable)
        {
            return TenantAuthentication.Unavailable(lookup.Detail);
        }

        if (lookup.Status == TenantLookupStatus.Refused)
        {
            return TenantAuthentication.StoreRefused(lookup.Detail);
        }

        // A disabled secret has no key hash, so it goes on to the decoy comparison and fails exactly as an unknown tenant.

        var expected = lookup.ApiKeySha256 is { } hex ? Convert.FromHexString(hex) : DecoyHash;
        var usable = apiKey is { Length: > 0 and <= MaxApiKeyLength };
        Span<byte> presented = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(usable ? apiKey! : string.Empty), presented);

        // Non-short-circuit '&': every condition is evaluated whatever the first one says.
        var matches = CryptographicOperations.FixedTimeEquals(presented, expected) & usable & lookup.ApiKeySha256 is not null;
        if (!matches)
        {
            // While the store refuses lookups of uncached ids (a flood has spent its read budget, or the vault is
            // throttling), those ids get 503 credentials_unavailable. A 401 here would then single out the ids that are
            // cached, which are the active tenants, so a failure fails the way an uncached id does. Only failures are
            // affected: a caller with the right key never gets here and is served from the cache as usual.
            // The same goes for a vault that refuses the service's identity: uncached ids get 500 then.
            return store.UncachedLookupRefusal() switch
            {
                { Status: TenantLookupStatus.Refused } refused => TenantAuthentication.StoreRefused(refused.Detail),
                { } refusal => TenantAuthentication.Unavailable(refusal.Detail),
                null => TenantAuthentication.Unauthorized,
            };
        }

        return lookup.Status switch
        {
            TenantLookupStatus.Found => TenantAuthentication.Authenticated(lookup.Tenant!),
            TenantLookupStatus.Invalid => TenantAuthentication.Misconfigured(lookup.Error!),
            _ => TenantAuthentication.Unauthorized,
        };
    }
}
