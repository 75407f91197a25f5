using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.Core.Pacing;

/// <summary>
/// The per-tenant request budget, shared by every instance through <see cref="TablePacingStore"/> (docs/pacing.md).
/// A tenant without a budget (no <c>requestsPerSecond</c> and no provider default) is never paced and costs no storage call.
/// </summary>
internal sealed class TenantPacer
{
    private readonly TablePacingStore store;
    private readonly ProviderRegistry providers;
    private readonly IOptions<PacingOptions> options;
    private readonly TimeProvider timeProvider;

    internal TenantPacer(TablePacingStore store, ProviderRegistry providers, IOptions<PacingOptions> options, TimeProvider timeProvider)
    {
        this.store = store;
        this.providers = providers;
        this.options = options;
        this.timeProvider = timeProvider;
    }

    private readonly ConcurrentDictionary<string, (DateTimeOffset PausedUntil, DateTimeOffset ReadAt)> _pauses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string TenantId, double Rate), ReservationCoalescer> _coalescers = new();

    internal TimeProvider Time => timeProvider;

    internal TimeSpan MaxImmediateWait => options.Value.MaxImmediateWait;

    /// <summary>The tenant's budget: its document's, else its provider's default; null when unpaced.</summary>
    internal double? RateFor(Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return tenant.RequestsPerSecond ?? (providers.TryFind(tenant.Provider, out var definition) ? definition.DefaultRequestsPerSecond : null);
    }

    /// <summary>Reserves <paramref name="count"/> consecutive slots after whatever the tenant already holds; null when unpaced.</summary>
    internal async Task<PacingReservation?> ScheduleAsync(Tenant tenant, int count, CancellationToken cancellationToken)
    {
        if (RateFor(tenant) is not { } rate)
        {
            return null;
        }

        // One instance's concurrent reservations for the tenant share one write (ReservationCoalescer).
        var coalescer = _coalescers.GetOrAdd((tenant.Id, rate), key => new ReservationCoalescer(async count =>
        {
            var (reservation, _) = await store.ReserveAsync(key.TenantId, key.Rate, count, maxWait: null, CancellationToken.None);
            return reservation!;
        }));
        return await coalescer.ReserveAsync(count, cancellationToken);
    }

    /// <summary>
    /// One slot for a provider request about to be sent: waits for it and returns null when it comes within
    /// <paramref name="maxWait"/>; otherwise reserves nothing and returns when the first free slot is.
    /// </summary>
    internal async Task<DateTimeOffset?> AcquireAsync(Tenant tenant, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        if (RateFor(tenant) is not { } rate)
        {
            return null;
        }

        var (reservation, firstFree) = await store.ReserveAsync(tenant.Id, rate, 1, maxWait, cancellationToken);
        if (reservation is null)
        {
            return firstFree;
        }

        await WaitUntilAsync(reservation.FirstSlot, cancellationToken);
        return null;
    }

    /// <summary>Waits until <paramref name="slot"/> (at once when it has passed).</summary>
    internal async Task WaitUntilAsync(DateTimeOffset slot, CancellationToken cancellationToken)
    {
        var wait = slot - timeProvider.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, timeProvider, cancellationToken);
        }
    }

    /// <summary>
    /// The provider throttled the tenant: no instance calls it again before <paramref name="retryAfter"/> has passed
    /// (a short default when it named none), capped at the queue's 7-day limit. Nothing for an unpaced tenant.
    /// </summary>
    internal async Task PauseAsync(Tenant tenant, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        if (RateFor(tenant) is null)
        {
            return;
        }

        var wait = retryAfter ?? PacingDefaults.UnspecifiedThrottlePause;
        var until = timeProvider.GetUtcNow() + (wait > PacingDefaults.MaxQueueDelay ? PacingDefaults.MaxQueueDelay : wait);
        await store.PauseAsync(tenant.Id, until, cancellationToken);
        _pauses[tenant.Id] = (until, timeProvider.GetUtcNow());
    }

    /// <summary>Until when the tenant is paused (in the past when it is not), read at most once a second per instance.</summary>
    internal async Task<DateTimeOffset> PausedUntilAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (_pauses.TryGetValue(tenant.Id, out var known) && now - known.ReadAt < PacingDefaults.PauseCacheTtl)
        {
            return known.PausedUntil;
        }

        var cursor = await store.ReadAsync(tenant.Id, cancellationToken);
        _pauses[tenant.Id] = (cursor.PausedUntil, now);
        return cursor.PausedUntil;
    }

    /// <summary>Drops what this instance remembers of the tenant's pause, so the next call reads the row again.</summary>
    internal void ForgetPause(string tenantId) => _pauses.TryRemove(tenantId, out _);
}
