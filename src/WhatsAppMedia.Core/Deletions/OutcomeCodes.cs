using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Core.Deletions;

/// <summary>The one mapping from a provider outcome to the contract's code, shared by HTTP answers and <c>-failed</c> entries.</summary>
internal static class OutcomeCodes
{
    /// <summary>The contract code for an outcome that is not a success; null for <see cref="DeletionOutcome.Deleted"/>.</summary>
    public static string? For(DeletionOutcome outcome) => outcome switch
    {
        DeletionOutcome.Deleted => null,
        DeletionOutcome.NotFound => ErrorCodes.MediaNotFound,
        DeletionOutcome.Throttled => ErrorCodes.ProviderThrottled,
        DeletionOutcome.Transient => ErrorCodes.ProviderUnavailable,
        DeletionOutcome.TimedOut => ErrorCodes.ProviderTimeout,
        DeletionOutcome.CredentialsRefused => ErrorCodes.ProviderAuthFailed,
        DeletionOutcome.Rejected => ErrorCodes.ProviderRejected,
        DeletionOutcome.RateLimited => ErrorCodes.RateLimited,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown outcome."),
    };

    /// <summary>The outcome's name in responses and logs: <c>deleted</c>, <c>not_found</c>, …</summary>
    public static string Name(DeletionOutcome outcome) => outcome switch
    {
        DeletionOutcome.Deleted => "deleted",
        DeletionOutcome.NotFound => "not_found",
        DeletionOutcome.Throttled => "throttled",
        DeletionOutcome.Transient => "transient",
        DeletionOutcome.TimedOut => "timed_out",
        DeletionOutcome.CredentialsRefused => "credentials_refused",
        DeletionOutcome.Rejected => "rejected",
        DeletionOutcome.RateLimited => "rate_limited",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown outcome."),
    };
}
