namespace WhatsAppMedia.Core.Providers;

/// <summary>The defaults of <see cref="ProviderRetryOptions"/>, stated once (README.md, "Configuration").</summary>
internal static class ProviderRetryDefaults
{
    public const int MaxAttempts = 3;

    public static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(200);

    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan TotalBudget = TimeSpan.FromSeconds(25);
}
