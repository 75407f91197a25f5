using Microsoft.Extensions.Options;

namespace WhatsAppMedia.Core.Providers;

/// <summary>Refuses <c>Providers:Retry</c> settings at start-up rather than at the first request.</summary>
internal sealed class ProviderRetryOptionsValidator : IValidateOptions<ProviderRetryOptions>
{
    public ValidateOptionsResult Validate(string? name, ProviderRetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxAttempts is < 1 or > 10)
        {
            failures.Add("Providers:Retry:MaxAttempts must be between 1 and 10.");
        }

        CheckPositive(failures, "Providers:Retry:BaseDelay", options.BaseDelay);
        CheckPositive(failures, "Providers:Retry:MaxDelay", options.MaxDelay);
        CheckPositive(failures, "Providers:Retry:AttemptTimeout", options.AttemptTimeout);
        CheckPositive(failures, "Providers:Retry:TotalBudget", options.TotalBudget);
        if (options.MaxDelay < options.BaseDelay)
        {
            failures.Add("Providers:Retry:MaxDelay must not be shorter than Providers:Retry:BaseDelay.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckPositive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{key} must be positive.");
        }
    }
}
