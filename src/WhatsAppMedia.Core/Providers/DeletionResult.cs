namespace WhatsAppMedia.Core.Providers;

/// <summary>The result of one deletion call after its retries: the last classified answer and how many attempts it took.</summary>
/// <param name="Answer">The last answer; its <see cref="ProviderAnswer.Outcome"/> is the call's outcome.</param>
/// <param name="Attempts">HTTP attempts made, at least 1.</param>
internal sealed record DeletionResult(ProviderAnswer Answer, int Attempts)
{
    public ProviderOutcome Outcome => Answer.Outcome;

    /// <summary>When the call ended throttled: how long the provider asked us to wait, if it said.</summary>
    public TimeSpan? RetryAfter => Answer.RetryAfter;
}
