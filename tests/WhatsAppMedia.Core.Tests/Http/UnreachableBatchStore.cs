using WhatsAppMedia.Core.Batches;

namespace WhatsAppMedia.Core.Tests.Http;

/// <summary>A batch store for tests whose requests must be answered before any batch state is touched; reaching it fails the test.</summary>
internal sealed class UnreachableBatchStore : IBatchStore
{
    public Task CreateAsync(string tenantId, string batchId, DateTimeOffset createdAt, IReadOnlyList<BatchItemSeed> items, CancellationToken cancellationToken = default) =>
        throw Reached();

    public Task<bool> RecordSlotsAsync(string tenantId, string batchId, Core.Pacing.PacingReservation slots, CancellationToken cancellationToken = default) => throw Reached();

    public Task<BatchStatus?> GetAsync(string tenantId, string batchId, CancellationToken cancellationToken = default) => throw Reached();

    public Task<BatchItemRecord?> GetItemAsync(string tenantId, string batchId, int index, CancellationToken cancellationToken = default) => throw Reached();

    public Task<ScheduledItems?> ListScheduledAsync(string tenantId, string batchId, CancellationToken cancellationToken = default) => throw Reached();

    public Task<bool> CancelScheduledAsync(string tenantId, string batchId, int index, DateTimeOffset at, CancellationToken cancellationToken = default) => throw Reached();

    public Task<bool> MoveScheduledAsync(string tenantId, string batchId, int index, DateTimeOffset expectedDueAt, DateTimeOffset dueAt, CancellationToken cancellationToken = default) =>
        throw Reached();

    public Task<bool> RecordAsync(string tenantId, string batchId, int index, BatchItemOutcome outcome, CancellationToken cancellationToken = default) =>
        throw Reached();

    public Task<bool> ResetAsync(string tenantId, string batchId, int index, CancellationToken cancellationToken = default) => throw Reached();

    public Task<bool> RescheduleAsync(string tenantId, string batchId, int index, DateTimeOffset scheduledAt, CancellationToken cancellationToken = default) => throw Reached();

    public Task<int> RemoveCreatedBeforeAsync(DateTimeOffset cutoff, Func<string, string, CancellationToken, Task<bool>>? keep = null, CancellationToken cancellationToken = default) => throw Reached();

    private static InvalidOperationException Reached() => new("This request must be answered before any batch state is touched.");
}
