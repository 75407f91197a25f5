namespace WhatsAppMedia.Core.Providers;

internal static class DeletionOutcomeExtensions
{
    /// <summary>Whether the same request may succeed if sent again later.</summary>
    public static bool IsRetryable(this DeletionOutcome outcome) =>
        outcome is DeletionOutcome.Throttled or DeletionOutcome.Transient or DeletionOutcome.TimedOut;
}
