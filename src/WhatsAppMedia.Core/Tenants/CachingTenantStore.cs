// Longer than 250 lines: one cache whose rules (TTL, stale serving, negative entries, cold-read budget, refresh) share one lock and one entry type; split, each rule would read half the state.
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Core.Tenants;

/// <summary>
/// Keeps the tenant source (Key Vault) off the hot path and survives its bad days.
/// <list type="bullet">
/// <item>A document is trusted for <see cref="KeyVaultOptions.CacheTtl"/>; a trusted entry answers synchronously,
/// without a lock, so a cached tenant is never delayed by anything else going on.</item>
/// <item>All lookups of one id share one read (single flight), however many arrive at once.</item>
/// <item>Two lanes. Tenants with a good document in the cache (real tenants: nobody else can get one) refresh without
/// limits beyond single flight. Ids with nothing usable cached – which is what a flood of made-up ids looks like –
/// share a read budget (<see cref="KeyVaultOptions.ColdReadBurst"/>, <see cref="KeyVaultOptions.ColdReadsPerSecond"/>)
/// and a concurrency cap; past the budget they answer Unavailable at once instead of reaching the vault.</item>
/// <item>"Not found", a disabled secret, unusable documents and the vault's refusal of the service's identity are
/// remembered for <see cref="KeyVaultOptions.NegativeCacheTtl"/>: a fixed secret or a granted role shows within it. A
/// disabled secret replaces a cached document, as a deleted one does; a refusal does not (it says nothing about the
/// tenant), so the last good document keeps serving as for a failure.</item>
/// <item>When a read fails, the last good document keeps serving for up to <see cref="KeyVaultOptions.MaxStaleness"/>
/// past its TTL, and the tenant is not read again for <see cref="KeyVaultOptions.FailureBackoff"/>. A throttle
/// (HTTP 429) pauses every read until its Retry-After.</item>
/// </list>
/// </summary>
internal sealed partial class CachingTenantStore : ITenantStore, IDisposable
{
    /// <summary>Expired negative entries are swept after this many new ones, so a long flood cannot grow the cache.</summary>
    private const int NegativeEntriesPerSweep = 1024;

    private readonly ProviderRegistry? _providers;

    /// <summary>The longest a throttle answer may pause reads; a wild Retry-After must not stop the store for hours.</summary>
    private static readonly TimeSpan MaxThrottlePause = TimeSpan.FromMinutes(5);

    /// <summary>How often refused lookups are summed up in the log, rather than one line each.</summary>
    private static readonly TimeSpan RefusalReportInterval = TimeSpan.FromMinutes(1);

    /// <summary>One answer for every refused lookup of an uncached id, so nothing in it tells refused ids apart.</summary>
    private static readonly TenantLookup Busy = TenantLookup.Unavailable("The tenant store is busy; try again shortly.");

    /// <summary>What callers learn of a refusal: the log names the vault and the secret, the answer neither.</summary>
    private static readonly TenantLookup Refused = TenantLookup.Refused(
        "The service is not allowed to read the tenant's document in its tenant store; an operator must grant the service's identity access.");

    private readonly ITenantDocumentSource _source;
    private readonly KeyVaultOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, TenantCacheEntry> _entries = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _coldReadSlots;
    private readonly Lock _lock = new();

    // Guarded by _lock.
    private readonly Dictionary<string, Task<TenantLookup>> _reads = new(StringComparer.Ordinal);
    private readonly ReadBudget _coldReadBudget;
    private DateTimeOffset _throttledUntil = DateTimeOffset.MinValue;
    private DateTimeOffset _refusingUntil = DateTimeOffset.MinValue;
    private int _negativeEntriesSinceSweep;
    private long _refusedSinceReport;
    private DateTimeOffset _lastRefusalReport = DateTimeOffset.MinValue;

    public CachingTenantStore(ITenantDocumentSource source, KeyVaultOptions options, TimeProvider timeProvider, ILogger<CachingTenantStore> logger, ProviderRegistry? providers = null)
    {
        _providers = providers;
        _source = source;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _coldReadSlots = new SemaphoreSlim(options.ColdReadConcurrency, options.ColdReadConcurrency);
        _coldReadBudget = new ReadBudget(options.ColdReadsPerSecond, options.ColdReadBurst, timeProvider);
    }

    public ValueTask<TenantLookup> GetAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        TenantIds.ThrowIfInvalid(tenantId);
        if (_entries.TryGetValue(tenantId, out var entry) && entry.IsTrusted(_timeProvider.GetUtcNow()))
        {
            return ValueTask.FromResult(entry.Lookup);
        }

        var answer = ReadThrough(tenantId);
        return answer.IsCompleted ? new ValueTask<TenantLookup>(answer) : new ValueTask<TenantLookup>(answer.WaitAsync(cancellationToken));
    }

    public void Invalidate(string tenantId)
    {
        TenantIds.ThrowIfInvalid(tenantId);
        lock (_lock)
        {
            if (_entries.TryGetValue(tenantId, out var entry))
            {
                if (entry.HasGoodDocument)
                {
                    // Keep the document: it still serves if the vault fails now, and it keeps the tenant in the refresh lane.
                    _entries[tenantId] = entry with { Invalidated = true };
                }
                else
                {
                    _entries.TryRemove(tenantId, out _);
                }
            }

            // A read already under way may have started before the rotation; its answer must not be cached.
            _reads.Remove(tenantId);
        }
    }

    public TenantLookup? UncachedLookupRefusal()
    {
        lock (_lock)
        {
            // ReadThrough's test for a cold id, with HasToken for TryTake: the two cannot disagree at any instant.
            var now = _timeProvider.GetUtcNow();
            if (now < _throttledUntil || !_coldReadBudget.HasToken())
            {
                return Busy;
            }

            // While the vault refuses the service, an uncached id answers Refused: a wrong key for a cached tenant must too.
            return now < _refusingUntil ? Refused : null;
        }
    }

    public void Dispose() => _coldReadSlots.Dispose();

    private Task<TenantLookup> ReadThrough(string tenantId)
    {
        TaskCompletionSource<TenantLookup> flight;
        bool cold;
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            _entries.TryGetValue(tenantId, out var entry);

            // Checked again under the lock: a read that just finished stores its entry before it leaves _reads.
            if (entry is not null && entry.IsTrusted(now))
            {
                return Task.FromResult(entry.Lookup);
            }

            if (_reads.TryGetValue(tenantId, out var inFlight))
            {
                return inFlight;
            }

            cold = entry is not { HasGoodDocument: true };
            if (cold)
            {
                if (now < _throttledUntil || !_coldReadBudget.TryTake())
                {
                    NoteRefusal(now);
                    return Task.FromResult(Busy);
                }
            }
            else if (now < entry!.RetryNotBefore || now < _throttledUntil)
            {
                return Task.FromResult(entry.CanServeStale(now)
                    ? entry.Lookup
                    : TenantLookup.Unavailable("The tenant store is failing and the tenant's last good document is too old."));
            }

            flight = new TaskCompletionSource<TenantLookup>(TaskCreationOptions.RunContinuationsAsynchronously);
            _reads[tenantId] = flight.Task;
        }

        _ = CompleteFlightAsync(tenantId, cold, flight);
        return flight.Task;
    }

    private async Task CompleteFlightAsync(string tenantId, bool cold, TaskCompletionSource<TenantLookup> flight)
    {
        TenantLookup answer;
        TenantCacheEntry? remember;
        try
        {
            (answer, remember) = await ReadAsync(tenantId, cold);
        }
        catch (Exception exception)
        {
            // Waiters share this flight: whatever went wrong, they must get an answer rather than hang.
            LogUnexpectedFailure(_logger, exception, tenantId);
            (answer, remember) = (TenantLookup.Unavailable("The tenant store failed unexpectedly."), null);
        }

        lock (_lock)
        {
            // Invalidate may have detached this flight; then its answer is handed out but not kept.
            if (_reads.TryGetValue(tenantId, out var current) && current == flight.Task)
            {
                if (remember is not null)
                {
                    Remember(tenantId, remember);
                }

                _reads.Remove(tenantId);
            }
        }

        flight.SetResult(answer);
    }

    private async Task<(TenantLookup Answer, TenantCacheEntry? Remember)> ReadAsync(string tenantId, bool cold)
    {
        if (cold)
        {
            await _coldReadSlots.WaitAsync();
        }

        try
        {
            TenantSourceRead read;
            using (var timeout = new CancellationTokenSource(_options.ReadTimeout, _timeProvider))
            {
                read = await _source.ReadAsync(tenantId, timeout.Token);
            }

            var now = _timeProvider.GetUtcNow();
            if (read.HasFailed)
            {
                return OnFailure(tenantId, read, now);
            }

            if (read.Refusal is not null)
            {
                return OnRefusal(tenantId, read.Refusal, now);
            }

            if (read.IsDisabled)
            {
                LogDisabled(_logger, tenantId);
                return (TenantLookup.Disabled, Negative(TenantLookup.Disabled, now));
            }

            if (read.Document is null)
            {
                LogNotFound(_logger, tenantId);
                return (TenantLookup.NotFound, Negative(TenantLookup.NotFound, now));
            }

            var lookup = TenantLookup.From(TenantDocument.Parse(tenantId, read.Document, _providers));
            if (!lookup.IsFound)
            {
                LogInvalidDocument(_logger, tenantId, lookup.Error!.Field, lookup.Error.Message);
                return (lookup, Negative(lookup, now));
            }

            var trustedUntil = now + _options.CacheTtl;
            return (lookup, new TenantCacheEntry(lookup, now, trustedUntil, trustedUntil + _options.MaxStaleness));
        }
        finally
        {
            if (cold)
            {
                _coldReadSlots.Release();
            }
        }
    }

    private (TenantLookup Answer, TenantCacheEntry? Remember) OnFailure(string tenantId, TenantSourceRead read, DateTimeOffset now)
    {
        var pause = read.RetryAfter is { } retryAfter && retryAfter > _options.FailureBackoff
            ? (retryAfter < MaxThrottlePause ? retryAfter : MaxThrottlePause)
            : _options.FailureBackoff;
        if (read.Throttled)
        {
            lock (_lock)
            {
                _throttledUntil = now + pause > _throttledUntil ? now + pause : _throttledUntil;
            }
        }

        if (!_entries.TryGetValue(tenantId, out var entry) || !entry.HasGoodDocument)
        {
            LogReadFailed(_logger, tenantId, read.Failure!);
            return (TenantLookup.Unavailable("The tenant store could not be read."), null);
        }

        var backedOff = entry with { RetryNotBefore = now + pause };
        if (entry.CanServeStale(now))
        {
            LogServingStale(_logger, tenantId, read.Failure!, now - entry.ReadAt, entry.StaleUntil);
            return (entry.Lookup, backedOff);
        }

        LogTooStale(_logger, tenantId, read.Failure!, now - entry.ReadAt);
        return (TenantLookup.Unavailable("The tenant store is failing and the tenant's last good document is too old."), backedOff);
    }

    /// <summary>
    /// The vault refused the service's identity: an operator must grant access, so no retry is invited (no Unavailable),
    /// but the tenant's last good document still serves like during an outage.
    /// </summary>
    private (TenantLookup Answer, TenantCacheEntry? Remember) OnRefusal(string tenantId, string refusal, DateTimeOffset now)
    {
        LogRefused(_logger, tenantId, refusal);
        lock (_lock)
        {
            _refusingUntil = now + _options.NegativeCacheTtl > _refusingUntil ? now + _options.NegativeCacheTtl : _refusingUntil;
        }

        if (_entries.TryGetValue(tenantId, out var entry) && entry.HasGoodDocument)
        {
            var backedOff = entry with { RetryNotBefore = now + _options.FailureBackoff };
            return (entry.CanServeStale(now) ? entry.Lookup : Refused, backedOff);
        }

        return (Refused, Negative(Refused, now));
    }

    private TenantCacheEntry Negative(TenantLookup lookup, DateTimeOffset now)
    {
        var trustedUntil = now + _options.NegativeCacheTtl;
        return new TenantCacheEntry(lookup, now, trustedUntil, trustedUntil);
    }

    /// <summary>Stores an entry; called under the lock.</summary>
    private void Remember(string tenantId, TenantCacheEntry entry)
    {
        _entries[tenantId] = entry;
        if (entry.HasGoodDocument || ++_negativeEntriesSinceSweep < NegativeEntriesPerSweep)
        {
            return;
        }

        _negativeEntriesSinceSweep = 0;
        var now = _timeProvider.GetUtcNow();
        foreach (var (id, candidate) in _entries)
        {
            if (!candidate.HasGoodDocument && !candidate.IsTrusted(now))
            {
                _entries.TryRemove(id, out _);
            }
        }
    }

    /// <summary>Counts a lookup refused for lack of budget; sums them up in the log once per interval. Called under the lock.</summary>
    private void NoteRefusal(DateTimeOffset now)
    {
        _refusedSinceReport++;
        if (now - _lastRefusalReport < RefusalReportInterval)
        {
            return;
        }

        LogRefusals(_logger, _refusedSinceReport, _options.ColdReadBurst, _options.ColdReadsPerSecond);
        _refusedSinceReport = 0;
        _lastRefusalReport = now;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Tenant {TenantId} does not exist in the tenant store.")]
    private static partial void LogNotFound(ILogger logger, string tenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {TenantId}'s secret is disabled in Key Vault; the tenant is treated as unknown until it is enabled again.")]
    private static partial void LogDisabled(ILogger logger, string tenantId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Tenant {TenantId} cannot be read: {Refusal}. Grant the service's identity read access to the secret (for example the Key Vault Secrets User role).")]
    private static partial void LogRefused(ILogger logger, string tenantId, string refusal);

    [LoggerMessage(Level = LogLevel.Error, Message = "Tenant {TenantId} has an unusable document: field '{Field}'. {Problem}")]
    private static partial void LogInvalidDocument(ILogger logger, string tenantId, string field, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading tenant {TenantId} failed: {Failure}. Nothing usable is cached.")]
    private static partial void LogReadFailed(ILogger logger, string tenantId, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading tenant {TenantId} failed: {Failure}. Serving its last good document, read {Age} ago, at most until {StaleUntil:O}.")]
    private static partial void LogServingStale(ILogger logger, string tenantId, string failure, TimeSpan age, DateTimeOffset staleUntil);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading tenant {TenantId} failed: {Failure}. Its last good document, read {Age} ago, is past KeyVault:MaxStaleness; the tenant is unavailable.")]
    private static partial void LogTooStale(ILogger logger, string tenantId, string failure, TimeSpan age);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Count} lookups of uncached tenants without reading the vault: the read budget ({Burst} burst, {PerSecond}/s) is spent or the vault is throttling.")]
    private static partial void LogRefusals(ILogger logger, long count, int burst, double perSecond);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading tenant {TenantId} failed unexpectedly.")]
    private static partial void LogUnexpectedFailure(ILogger logger, Exception exception, string tenantId);
}
