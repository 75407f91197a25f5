namespace WhatsAppMedia.Core.Batches;

/// <summary>
/// Batch state (docs/architecture.md, "Batch state"): one record per item, so every update touches one item and is idempotent under the
/// queue's at-least-once delivery. Every method throws the storage's own exception when the store is unreachable.
/// </summary>
internal interface IBatchStore
{
    /// <summary>Records a new batch with every item pending. Called before any of its messages is queued.</summary>
    Task CreateAsync(string tenantId, string batchId, DateTimeOffset createdAt, IReadOnlyList<BatchItemSeed> items, CancellationToken cancellationToken = default);

    /// <summary>
    /// Notes the slots a paced tenant's batch holds, reserved after the batch was recorded: item seed slot <c>i</c> is
    /// <see cref="Pacing.PacingReservation.SlotAt"/>(i). Returns false when there is no such batch for this tenant.
    /// </summary>
    Task<bool> RecordSlotsAsync(string tenantId, string batchId, Pacing.PacingReservation slots, CancellationToken cancellationToken = default);

    /// <summary>The batch, or null when there is no such batch for this tenant (unknown and foreign look the same).</summary>
    Task<BatchStatus?> GetAsync(string tenantId, string batchId, CancellationToken cancellationToken = default);

    /// <summary>Where one item stands; null when the item is not part of a batch of <paramref name="tenantId"/>.</summary>
    Task<BatchItemRecord?> GetItemAsync(string tenantId, string batchId, int index, CancellationToken cancellationToken = default);

    /// <summary>The batch's pending items with a due time; null when there is no such batch for this tenant.</summary>
    Task<ScheduledItems?> ListScheduledAsync(string tenantId, string batchId, CancellationToken cancellationToken = default);

    /// <summary>Cancels a pending item with a due time; false when it has none or is no longer pending.</summary>
    Task<bool> CancelScheduledAsync(string tenantId, string batchId, int index, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Moves a pending item due at <paramref name="expectedDueAt"/> to <paramref name="dueAt"/>; false when it is no longer pending at that time.</summary>
    Task<bool> MoveScheduledAsync(string tenantId, string batchId, int index, DateTimeOffset expectedDueAt, DateTimeOffset dueAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records an item's outcome unless <see cref="BatchItemStates.MayReplace"/> says the recorded one stands.
    /// Returns false when the item is not part of a batch of <paramref name="tenantId"/> (removed, or never recorded).
    /// </summary>
    Task<bool> RecordAsync(string tenantId, string batchId, int index, BatchItemOutcome outcome, CancellationToken cancellationToken = default);

    /// <summary>Puts an item back to pending (redrive). Returns false when the item is not part of a batch of <paramref name="tenantId"/>.</summary>
    Task<bool> ResetAsync(string tenantId, string batchId, int index, CancellationToken cancellationToken = default);

    /// <summary>
    /// Notes when a pending item's message will next be tried (a paced tenant's new slot). Returns false when the item
    /// is not part of a batch of <paramref name="tenantId"/>; a settled item is left as it is.
    /// </summary>
    Task<bool> RescheduleAsync(string tenantId, string batchId, int index, DateTimeOffset scheduledAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes every batch created before <paramref name="cutoff"/> that <paramref name="keep"/> (given tenant and batch
    /// id) does not keep; returns how many.
    /// </summary>
    Task<int> RemoveCreatedBeforeAsync(DateTimeOffset cutoff, Func<string, string, CancellationToken, Task<bool>>? keep = null, CancellationToken cancellationToken = default);
}
