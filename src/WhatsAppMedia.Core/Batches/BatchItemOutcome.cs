namespace WhatsAppMedia.Core.Batches;

/// <summary>What processing found for one item.</summary>
/// <param name="State">The item's new state; never <see cref="BatchItemState.Pending"/>.</param>
/// <param name="Code">The contract code of a failure (<c>provider_rejected</c>, …); null for deleted and not found.</param>
/// <param name="Detail">A human-readable explanation of a failure, free of secrets; null for deleted and not found.</param>
/// <param name="At">When it was settled (UTC, from the host's <see cref="TimeProvider"/>).</param>
internal sealed record BatchItemOutcome(BatchItemState State, string? Code, string? Detail, DateTimeOffset At);
