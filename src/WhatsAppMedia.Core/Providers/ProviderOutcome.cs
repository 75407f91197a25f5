namespace WhatsAppMedia.Core.Providers;

/// <summary>What one provider answer means, whatever the provider's own shape of saying it.</summary>
public enum ProviderOutcome
{
    /// <summary>The media object was deleted.</summary>
    Deleted,

    /// <summary>The provider says the media does not exist or can no longer be deleted.</summary>
    NotFound,

    /// <summary>The provider asked us to slow down; <see cref="ProviderAnswer.RetryAfter"/> says for how long when it told us.</summary>
    Throttled,

    /// <summary>A failure that may pass: 5xx, connection errors, unparseable answers, provider-declared transient errors.</summary>
    Transient,

    /// <summary>The provider did not answer within the attempt timeout or the total budget.</summary>
    TimedOut,

    /// <summary>The provider refused the tenant's credentials (bad, expired or without permission).</summary>
    CredentialsRefused,

    /// <summary>The provider refused the request permanently; retrying the same request cannot succeed.</summary>
    Rejected,

    /// <summary>
    /// The service held the call back: the tenant's request budget had no free slot soon enough (docs/pacing.md).
    /// Nothing was sent to the provider; <see cref="ProviderAnswer.RetryAfter"/> says when a slot is free.
    /// </summary>
    RateLimited,
}
