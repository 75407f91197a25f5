namespace WhatsAppMedia.Core.Providers;

internal static class ProviderOutcomeExtensions
{
    /// <summary>Whether the same request may succeed if sent again later.</summary>
    public static bool IsRetryable(this ProviderOutcome outcome) =>
        outcome is ProviderOutcome.Throttled or ProviderOutcome.Transient or ProviderOutcome.TimedOut;
}
