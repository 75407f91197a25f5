namespace WhatsAppMedia.Core.Providers.Aws;

/// <summary>Refuses <c>Providers:Aws</c> settings at start-up rather than at the first request.</summary>
/// <remarks>Unset is valid: each tenant's regional endpoint is used.</remarks>
internal sealed class AwsOptionsValidator()
    : ProviderEndpointValidator<AwsOptions>(AwsOptions.SectionName + ":Endpoint", options => options.Endpoint, optional: true);
