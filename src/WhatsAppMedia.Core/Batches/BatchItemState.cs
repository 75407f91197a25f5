namespace WhatsAppMedia.Core.Batches;

/// <summary>Where one item of a batch stands (docs/api.md, "Bulk deletions and batches").</summary>
internal enum BatchItemState
{
    /// <summary>Queued, deferred or being retried: not settled yet.</summary>
    Pending,

    /// <summary>The provider deleted it.</summary>
    Deleted,

    /// <summary>The provider says it does not exist.</summary>
    NotFound,

    /// <summary>Written to <c>{queue}-failed</c> (a permanent failure).</summary>
    Failed,

    /// <summary>Its last delivery failed, so the queue trigger moved it to <c>{queue}-poison</c>.</summary>
    Poisoned,

    /// <summary>Scheduled, and cancelled by the caller before it was sent (docs/scheduling.md, "Cancel and reschedule").</summary>
    Cancelled,

    /// <summary>
    /// A registered media id whose retention deletion falls after the provider drops the media itself, so no provider
    /// call is made (<c>expired_at_provider</c>, docs/scheduling.md, "Retention").
    /// </summary>
    ExpiredAtProvider,
}
