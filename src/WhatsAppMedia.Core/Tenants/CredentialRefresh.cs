using Microsoft.Extensions.Logging;

namespace WhatsAppMedia.Core.Tenants;

/// <summary>
/// The rule (docs/architecture.md, "Tenants and Key Vault") for a provider that refuses the cached credentials: forget the cached tenant, read it afresh and
/// try once more, so a rotated secret takes effect without a restart. One statement of the rule for every provider call
/// (delete, metadata, download).
/// </summary>
internal static partial class CredentialRefresh
{
    /// <summary>
    /// Runs <paramref name="call"/> with <paramref name="tenant"/>; when <paramref name="refused"/> says the provider
    /// refused its credentials, runs it once more with the tenant read afresh (same provider only) and returns
    /// <paramref name="combine"/>(first, second). Returns the tenant whose credentials gave the result.
    /// </summary>
    public static async Task<(T Result, Tenant Tenant)> RunAsync<T>(
        ITenantStore tenants,
        ILogger logger,
        Tenant tenant,
        Func<Tenant, Task<T>> call,
        Func<T, bool> refused,
        Func<T, T, T> combine,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenants);
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(refused);
        ArgumentNullException.ThrowIfNull(combine);
        var first = await call(tenant);
        if (!refused(first))
        {
            return (first, tenant);
        }

        tenants.Invalidate(tenant.Id);
        var fresh = await tenants.GetAsync(tenant.Id, cancellationToken);
        if (!fresh.IsFound || fresh.Tenant!.Provider != tenant.Provider)
        {
            LogNoFreshCredentials(logger, tenant.Id, fresh.Status);
            return (first, tenant);
        }

        LogRetryingWithFreshCredentials(logger, tenant.Id, tenant.Provider);
        var second = await call(fresh.Tenant);
        return (combine(first, second), fresh.Tenant);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {TenantId}: {Provider} refused the credentials; retrying once with a fresh read of the tenant.")]
    private static partial void LogRetryingWithFreshCredentials(ILogger logger, string tenantId, string provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {TenantId}: the provider refused the credentials and no usable fresh document could be read ({Status}).")]
    private static partial void LogNoFreshCredentials(ILogger logger, string tenantId, TenantLookupStatus status);
}
