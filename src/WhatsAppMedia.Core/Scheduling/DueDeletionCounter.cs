using WhatsAppMedia.Core.Batches;

namespace WhatsAppMedia.Core.Scheduling;

/// <summary>
/// The dry run (docs/scheduling.md, "Dry run"): counts a tenant's items that wait for their <c>deleteAt</c>, per UTC
/// day, without changing anything. The due index names the tenant's batches with such items; each batch's own rows
/// say which still wait and for when, so a cancelled, moved or settled item counts as it stands now.
/// </summary>
internal sealed class DueDeletionCounter(TableDueIndex index, IBatchStore batches, TimeProvider timeProvider)
{
    /// <summary>
    /// How long past its time an item still counts (due today) while it waits for its outcome: longer than any normal
    /// path from due to sent (a sweep period plus a claim timeout), short enough that the index read stays small.
    /// </summary>
    public static readonly TimeSpan OverdueWindow = TimeSpan.FromDays(1);

    /// <summary>Batches read at once.</summary>
    private const int Parallelism = 8;

    public async Task<DueDeletions> CountAsync(string tenantId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        var now = timeProvider.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var perDay = new Dictionary<DateOnly, int>();
        await Parallel.ForEachAsync(
            index.BatchesDueAsync(tenantId, now - OverdueWindow, until, cancellationToken),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (batchId, token) =>
            {
                if (await batches.ListScheduledAsync(tenantId, batchId, token) is not { } scheduled)
                {
                    return;
                }

                foreach (var item in scheduled.Items)
                {
                    if (item.DueAt > until || now - item.DueAt > OverdueWindow)
                    {
                        continue;
                    }

                    // An item past its time goes as soon as it can: today.
                    var day = item.DueAt <= now ? today : DateOnly.FromDateTime(item.DueAt.UtcDateTime);
                    lock (perDay)
                    {
                        perDay[day] = perDay.GetValueOrDefault(day) + 1;
                    }
                }
            });

        var days = perDay.OrderBy(pair => pair.Key).Select(pair => new DueDay(pair.Key, pair.Value)).ToList();
        return new DueDeletions(days.Sum(day => day.Count), days);
    }
}
