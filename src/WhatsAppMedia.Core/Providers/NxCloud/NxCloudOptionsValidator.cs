using Microsoft.Extensions.Options;

namespace WhatsAppMedia.Core.Providers.NxCloud;

/// <summary>Refuses <c>Providers:NxCloud</c> settings at start-up rather than at the first request.</summary>
internal sealed class NxCloudOptionsValidator : IValidateOptions<NxCloudOptions>
{
    public ValidateOptionsResult Validate(string? name, NxCloudOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return EndpointPolicy.Problem(NxCloudOptions.SectionName + ":BaseUrl", options.BaseUrl) is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
    }
}
