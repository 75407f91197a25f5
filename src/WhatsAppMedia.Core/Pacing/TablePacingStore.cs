using Azure;
using Azure.Data.Tables;
using WhatsAppMedia.Core.Queues;

namespace WhatsAppMedia.Core.Pacing;

/// <summary>
/// Keeps each tenant's <see cref="PacingCursor"/> as one row of Azure Table storage (table <c>tenantpacing</c>, in the
/// <c>AzureWebJobsStorage</c> account), changed only by ETag-conditional writes so every instance shares one schedule
/// without a coordinator (docs/pacing.md, "The shared schedule").
/// </summary>
internal sealed class TablePacingStore
{
    public const string TableName = "tenantpacing";

    private const string CursorRowKey = "cursor";

    /// <summary>
    /// How often a write that lost a race is tried again before the call gives up as if storage were unreachable: each
    /// loss means another instance advanced the row, so this many in a row is contention far past any real tenant's.
    /// </summary>
    private const int MaxWriteAttempts = 32;

    private readonly TableClient _table;
    private readonly TableCreation _created;
    private readonly TimeProvider _timeProvider;

    public TablePacingStore(TableServiceClient tables, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _timeProvider = timeProvider ?? TimeProvider.System;
        _table = tables.GetTableClient(TableName);
        _created = new TableCreation(_table);
    }

    /// <summary>The tenant's cursor as stored (<see cref="PacingCursor.Empty"/> when it has none yet).</summary>
    public async Task<PacingCursor> ReadAsync(string tenantId, CancellationToken cancellationToken)
    {
        var (cursor, _) = await ReadRowAsync(tenantId, cancellationToken);
        return cursor;
    }

    /// <summary>
    /// Reserves <paramref name="count"/> slots at <paramref name="requestsPerSecond"/>. With <paramref name="maxWait"/>,
    /// nothing is reserved when the first free slot is further than that from now; the answer is then null and
    /// <c>FirstFree</c> says when to come back. "Now" is read after each read of the row, so a slow first call (the
    /// table created on first use) or a lost race never hands out slots that have already passed.
    /// </summary>
    public async Task<(PacingReservation? Reservation, DateTimeOffset FirstFree)> ReserveAsync(
        string tenantId, double requestsPerSecond, int count, TimeSpan? maxWait, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (cursor, etag) = await ReadRowAsync(tenantId, cancellationToken);
            var now = _timeProvider.GetUtcNow();
            var firstFree = cursor.FirstFreeSlot(now);
            if (maxWait is { } wait && firstFree - now > wait)
            {
                return (null, firstFree);
            }

            var next = cursor.Reserve(now, requestsPerSecond, count, out var first);
            if (await TryWriteAsync(tenantId, next, etag, attempt, cancellationToken))
            {
                return (new PacingReservation(first, PacingCursor.Interval(requestsPerSecond), count), firstFree);
            }
        }
    }

    /// <summary>Makes every instance wait until <paramref name="until"/> before the tenant's next provider call.</summary>
    public async Task PauseAsync(string tenantId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (cursor, etag) = await ReadRowAsync(tenantId, cancellationToken);
            var paused = cursor.PauseUntil(until);
            if (paused == cursor || await TryWriteAsync(tenantId, paused, etag, attempt, cancellationToken))
            {
                return;
            }
        }
    }

    private async Task<(PacingCursor Cursor, ETag? ETag)> ReadRowAsync(string tenantId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        await _created.EnsureAsync(cancellationToken);
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(tenantId, CursorRowKey, cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return (PacingCursor.Empty, null);
        }

        var entity = row.Value!;
        return (new PacingCursor(FromTicks(entity.GetInt64("NextSlotAtTicks")), FromTicks(entity.GetInt64("PausedUntilTicks"))), entity.ETag);
    }

    /// <summary>Adds the row when there was none (<paramref name="etag"/> null), else replaces it if nobody changed it since it was read.</summary>
    private async Task<bool> TryWriteAsync(string tenantId, PacingCursor cursor, ETag? etag, int attempt, CancellationToken cancellationToken)
    {
        // Ticks, not Edm.DateTime: exact, and comparable without time-zone or precision questions.
        var entity = new TableEntity(tenantId, CursorRowKey)
        {
            ["NextSlotAtTicks"] = cursor.NextSlotAt.UtcTicks,
            ["PausedUntilTicks"] = cursor.PausedUntil.UtcTicks,
        };
        try
        {
            if (etag is { } match)
            {
                await _table.UpdateEntityAsync(entity, match, TableUpdateMode.Replace, cancellationToken);
            }
            else
            {
                await _table.AddEntityAsync(entity, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412 && attempt < MaxWriteAttempts)
        {
            // Another instance wrote first: read its cursor and reserve after it.
            return false;
        }
    }

    private static DateTimeOffset FromTicks(long? ticks) => ticks is { } value ? new DateTimeOffset(value, TimeSpan.Zero) : DateTimeOffset.MinValue;
}
