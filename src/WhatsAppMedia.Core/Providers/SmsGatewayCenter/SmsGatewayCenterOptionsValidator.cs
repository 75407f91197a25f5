using Microsoft.Extensions.Options;

namespace WhatsAppMedia.Core.Providers.SmsGatewayCenter;

/// <summary>Refuses <c>Providers:SmsGatewayCenter</c> settings at start-up rather than at the first request.</summary>
internal sealed class SmsGatewayCenterOptionsValidator : IValidateOptions<SmsGatewayCenterOptions>
{
    public ValidateOptionsResult Validate(string? name, SmsGatewayCenterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return EndpointPolicy.Problem(SmsGatewayCenterOptions.SectionName + ":BaseUrl", options.BaseUrl) is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
    }
}
