using Microsoft.Extensions.Options;

namespace WhatsAppMedia.Core.Providers;

/// <summary>Refuses provider settings at start-up rather than at the first request.</summary>
internal sealed class ProvidersOptionsValidator : IValidateOptions<ProvidersOptions>
{
    public ValidateOptionsResult Validate(string? name, ProvidersOptions options)
    {
        var failures = new List<string>();
        CheckEndpoint(failures, "Providers:Meta:BaseUrl", options.Meta.BaseUrl);
        CheckEndpoint(failures, "Providers:Aws:Endpoint", options.Aws.Endpoint);
        CheckEndpoint(failures, "Providers:NxCloud:BaseUrl", options.NxCloud.BaseUrl);
        CheckEndpoint(failures, "Providers:SmsGatewayCenter:BaseUrl", options.SmsGatewayCenter.BaseUrl);

        if (!Meta.MetaIdentifiers.IsGraphVersion(options.Meta.GraphVersion))
        {
            failures.Add("Providers:Meta:GraphVersion must look like 'v23.0'.");
        }

        var retry = options.Retry;
        if (retry.MaxAttempts is < 1 or > 10)
        {
            failures.Add("Providers:Retry:MaxAttempts must be between 1 and 10.");
        }

        CheckPositive(failures, "Providers:Retry:BaseDelay", retry.BaseDelay);
        CheckPositive(failures, "Providers:Retry:MaxDelay", retry.MaxDelay);
        CheckPositive(failures, "Providers:Retry:AttemptTimeout", retry.AttemptTimeout);
        CheckPositive(failures, "Providers:Retry:TotalBudget", retry.TotalBudget);
        if (retry.MaxDelay < retry.BaseDelay)
        {
            failures.Add("Providers:Retry:MaxDelay must not be shorter than Providers:Retry:BaseDelay.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckEndpoint(List<string> failures, string key, Uri? uri)
    {
        if (uri is not null && !EndpointPolicy.IsAllowed(uri))
        {
            failures.Add($"{key} must be an absolute https URL without query or credentials (http only for loopback addresses).");
        }
    }

    private static void CheckPositive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{key} must be positive.");
        }
    }
}
