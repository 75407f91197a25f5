namespace WhatsAppMedia.Core.Providers.NxCloud;

/// <summary>Refuses <c>Providers:NxCloud</c> settings at start-up rather than at the first request.</summary>
internal sealed class NxCloudOptionsValidator()
    : ProviderEndpointValidator<NxCloudOptions>(NxCloudOptions.SectionName + ":BaseUrl", options => options.BaseUrl);
