namespace WhatsAppMedia.Core.Providers.SmsGatewayCenter;

/// <summary>Refuses <c>Providers:SmsGatewayCenter</c> settings at start-up rather than at the first request.</summary>
internal sealed class SmsGatewayCenterOptionsValidator()
    : ProviderEndpointValidator<SmsGatewayCenterOptions>(SmsGatewayCenterOptions.SectionName + ":BaseUrl", options => options.BaseUrl);
