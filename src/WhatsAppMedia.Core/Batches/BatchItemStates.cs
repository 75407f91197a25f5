namespace WhatsAppMedia.Core.Batches;

/// <summary>The stored and published names of <see cref="BatchItemState"/>, and which later outcome may replace an earlier one.</summary>
internal static class BatchItemStates
{
    public static string Name(BatchItemState state) => state switch
    {
        BatchItemState.Pending => "pending",
        BatchItemState.Deleted => "deleted",
        BatchItemState.NotFound => "notFound",
        BatchItemState.Failed => "failed",
        BatchItemState.Poisoned => "poisoned",
        BatchItemState.Cancelled => "cancelled",
        BatchItemState.ExpiredAtProvider => "expiredAtProvider",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not a batch item state."),
    };

    /// <summary>Reads a stored name; an unknown one (written by a newer version) counts as pending, never as settled.</summary>
    public static BatchItemState Parse(string? name) => name switch
    {
        "deleted" => BatchItemState.Deleted,
        "notFound" => BatchItemState.NotFound,
        "failed" => BatchItemState.Failed,
        "poisoned" => BatchItemState.Poisoned,
        "cancelled" => BatchItemState.Cancelled,
        "expiredAtProvider" => BatchItemState.ExpiredAtProvider,
        _ => BatchItemState.Pending,
    };

    /// <summary>
    /// Whether an outcome may overwrite the recorded state. A pending item takes any outcome. A settled one keeps its
    /// first outcome against redeliveries (a redelivered, already deleted item answers "not found" and must not turn
    /// into it), except that a success replaces a failure: a duplicate left by an interrupted redrive that succeeded
    /// is the truth about the media. So does a success over a cancellation: a message that was already past its check
    /// when the caller cancelled has been sent all the same.
    /// </summary>
    public static bool MayReplace(BatchItemState recorded, BatchItemState outcome) =>
        recorded == BatchItemState.Pending
        || (recorded is BatchItemState.Failed or BatchItemState.Poisoned or BatchItemState.Cancelled && outcome is BatchItemState.Deleted or BatchItemState.NotFound);
}
