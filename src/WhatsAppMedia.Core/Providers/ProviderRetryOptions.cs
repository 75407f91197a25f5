namespace WhatsAppMedia.Core.Providers;

/// <summary>
/// How hard one call tries before it reports a retryable outcome (<c>Providers__Retry__*</c>). Only throttled,
/// transient and timed-out answers are retried, and never past <see cref="TotalBudget"/>.
/// </summary>
internal sealed class ProviderRetryOptions
{
    public const string SectionName = "Providers:Retry";

    /// <summary>Attempts per call, the first included. 1 turns retries off.</summary>
    /// <value>Default 3.</value>
    public int MaxAttempts { get; set; } = ProviderRetryDefaults.MaxAttempts;

    /// <summary>The first back-off step; later ones double, each wait a random point in the upper half of its step ("equal jitter").</summary>
    /// <value>Default 200 ms.</value>
    public TimeSpan BaseDelay { get; set; } = ProviderRetryDefaults.BaseDelay;

    /// <summary>The longest single wait, including a provider's <c>Retry-After</c>.</summary>
    /// <value>Default 5 s.</value>
    public TimeSpan MaxDelay { get; set; } = ProviderRetryDefaults.MaxDelay;

    /// <summary>How long one HTTP attempt may take.</summary>
    /// <value>Default 10 s.</value>
    public TimeSpan AttemptTimeout { get; set; } = ProviderRetryDefaults.AttemptTimeout;

    /// <summary>
    /// How long the whole call may take, waits included. A retry whose wait would end past the budget is not made.
    /// </summary>
    /// <value>Default 25 s, under the 30 s a caller typically allows an HTTP request.</value>
    public TimeSpan TotalBudget { get; set; } = ProviderRetryDefaults.TotalBudget;
}
