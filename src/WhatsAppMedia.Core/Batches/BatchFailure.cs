namespace WhatsAppMedia.Core.Batches;

/// <summary>An item that ended in <c>-failed</c> or <c>-poison</c>.</summary>
/// <param name="Index">Its 0-based position in the POST body.</param>
/// <param name="MediaId">The provider's media id.</param>
/// <param name="State"><see cref="BatchItemState.Failed"/> or <see cref="BatchItemState.Poisoned"/>.</param>
/// <param name="Code">The contract code of the failure.</param>
/// <param name="Detail">Why, free of secrets.</param>
/// <param name="At">When it was recorded (UTC).</param>
internal sealed record BatchFailure(int Index, string MediaId, BatchItemState State, string? Code, string? Detail, DateTimeOffset? At);
