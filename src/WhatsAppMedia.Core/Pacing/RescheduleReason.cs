namespace WhatsAppMedia.Core.Pacing;

/// <summary>Why a paced queue message was queued again on a new slot instead of calling the provider (docs/pacing.md).</summary>
internal enum RescheduleReason
{
    /// <summary>Delivered more than the slot tolerance after its slot: the slot is spent, so it takes a new one.</summary>
    Late,

    /// <summary>The provider paused the tenant over the message's slot.</summary>
    Paused,

    /// <summary>An in-call retry found no free slot within the tolerance (<c>rate_limited</c>, nothing sent).</summary>
    RateLimited,

    /// <summary>The provider refused the request as throttled despite pacing.</summary>
    Throttled,
}
