using Microsoft.Extensions.Logging;
using WhatsAppMedia.Core.Pacing;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.Core.Deletions;

/// <summary>
/// Deletes a media object for a tenant (a target made by <see cref="TenantMediaTargets.TryResolve"/>); when the provider refuses the credentials,
/// forgets the cached tenant and tries once more with a fresh read, so a rotated secret works without a restart.
/// Both the HTTP path and the queue path delete through here, so this is where deletions are counted
/// (<paramref name="metrics"/>; none when null).
/// </summary>
internal sealed class TenantMediaDeleter(
    ITenantStore tenants,
    ProviderClient client,
    InFlightDeletions inFlight,
    ILogger<TenantMediaDeleter> logger,
    DeletionMetrics? metrics = null,
    TenantPacer? pacer = null)
{
    /// <summary>
    /// Deletes now, sharing the provider call with concurrent deletions of the same object (<see cref="InFlightDeletions"/>).
    /// A paced tenant's call waits up to <c>Pacing:MaxImmediateWait</c> for a slot, else ends <see cref="ProviderOutcome.RateLimited"/>.
    /// </summary>
    public Task<DeletionResult> DeleteAsync(Tenant tenant, MediaTarget target, CancellationToken cancellationToken = default) =>
        DeleteAsync(tenant, target, heldSlot: null, pacer?.MaxImmediateWait ?? TimeSpan.Zero, cancellationToken);

    /// <summary>
    /// As <see cref="DeleteAsync(Tenant, MediaTarget, CancellationToken)"/>, with the first attempt sent at
    /// <paramref name="heldSlot"/> (a queued message's slot) and any other attempt waiting at most <paramref name="maxWait"/> for one.
    /// </summary>
    internal Task<DeletionResult> DeleteAsync(Tenant tenant, MediaTarget target, DateTimeOffset? heldSlot, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(target);
        return inFlight.JoinOrStartAsync(
            new InFlightDeletionKey(tenant.Id, tenant.Provider, target.MediaId, target.Phone),
            () => DeleteCountedAsync(tenant, target, heldSlot, maxWait, CancellationToken.None),
            cancellationToken);
    }

    /// <summary>One provider deletion, counted once however many callers share it.</summary>
    private async Task<DeletionResult> DeleteCountedAsync(Tenant tenant, MediaTarget target, DateTimeOffset? heldSlot, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var result = await DeleteOnceAsync(tenant, target, heldSlot, maxWait, cancellationToken);
        metrics?.Record(tenant.Provider, result.Outcome);
        return result;
    }

    private async Task<DeletionResult> DeleteOnceAsync(Tenant tenant, MediaTarget target, DateTimeOffset? heldSlot, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var slot = heldSlot;
        var (result, _) = await CredentialRefresh.RunAsync(
            tenants,
            logger,
            tenant,
            current =>
            {
                // Only the first call uses the held slot; the one retry with fresh credentials takes its own.
                var gate = pacer?.RateFor(current) is null ? null : new ProviderRequestGate(pacer, current, slot, maxWait);
                slot = null;
                return client.DeleteAsync(current.Credentials, target, gate, cancellationToken);
            },
            result => result.Outcome == ProviderOutcome.CredentialsRefused,
            (first, second) => second with { Attempts = first.Attempts + second.Attempts },
            cancellationToken);
        return result;
    }
}
