using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Core.Deletions;

/// <summary>The one mapping from a provider outcome to the contract's code, shared by HTTP answers and <c>-failed</c> entries.</summary>
internal static class OutcomeCodes
{
    /// <summary>The contract code for an outcome that is not a success; null for <see cref="ProviderOutcome.Deleted"/>.</summary>
    public static string? For(ProviderOutcome outcome) => outcome switch
    {
        ProviderOutcome.Deleted => null,
        ProviderOutcome.NotFound => ErrorCodes.MediaNotFound,
        ProviderOutcome.Throttled => ErrorCodes.ProviderThrottled,
        ProviderOutcome.Transient => ErrorCodes.ProviderUnavailable,
        ProviderOutcome.TimedOut => ErrorCodes.ProviderTimeout,
        ProviderOutcome.CredentialsRefused => ErrorCodes.ProviderAuthFailed,
        ProviderOutcome.Rejected => ErrorCodes.ProviderRejected,
        ProviderOutcome.RateLimited => ErrorCodes.RateLimited,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown outcome."),
    };

    /// <summary>The outcome's name in responses and logs: <c>deleted</c>, <c>not_found</c>, …</summary>
    public static string Name(ProviderOutcome outcome) => outcome switch
    {
        ProviderOutcome.Deleted => "deleted",
        ProviderOutcome.NotFound => "not_found",
        ProviderOutcome.Throttled => "throttled",
        ProviderOutcome.Transient => "transient",
        ProviderOutcome.TimedOut => "timed_out",
        ProviderOutcome.CredentialsRefused => "credentials_refused",
        ProviderOutcome.Rejected => "rejected",
        ProviderOutcome.RateLimited => "rate_limited",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown outcome."),
    };
}
