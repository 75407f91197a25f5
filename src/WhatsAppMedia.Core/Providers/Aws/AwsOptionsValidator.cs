using Microsoft.Extensions.Options;

namespace WhatsAppMedia.Core.Providers.Aws;

/// <summary>Refuses <c>Providers:Aws</c> settings at start-up rather than at the first request.</summary>
internal sealed class AwsOptionsValidator : IValidateOptions<AwsOptions>
{
    public ValidateOptionsResult Validate(string? name, AwsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Unset is valid: each tenant's regional endpoint is used.
        return options.Endpoint is not null && EndpointPolicy.Problem(AwsOptions.SectionName + ":Endpoint", options.Endpoint) is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
    }
}
