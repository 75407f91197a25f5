namespace WhatsAppMedia.Core.Providers;

/// <summary>
/// How hard one call tries before it reports a retryable outcome (<c>Providers__Retry__*</c>). Only throttled,
/// transient and timed-out answers are retried, and never past <see cref="TotalBudget"/>.
/// </summary>
public sealed class ProviderRetryOptions
{
    public const string SectionName = "Providers:Retry";

    /// <summary>Attempts per call, the first included. Default 3; 1 turns retries off.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The first back-off step; later ones double, each wait a random point in the upper half of its step ("equal jitter"). Default 200 ms.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest single wait, including a provider's <c>Retry-After</c>. Default 5 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one HTTP attempt may take. Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the whole call may take, waits included. A retry whose wait would end past the budget is not made.
    /// Default 25 s, under the 30 s a caller typically allows an HTTP request.
    /// </summary>
    public TimeSpan TotalBudget { get; set; } = TimeSpan.FromSeconds(25);
}
