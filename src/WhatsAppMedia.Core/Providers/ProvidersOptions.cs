using WhatsAppMedia.Core.Providers.Aws;
using WhatsAppMedia.Core.Providers.Meta;
using WhatsAppMedia.Core.Providers.NxCloud;
using WhatsAppMedia.Core.Providers.SmsGatewayCenter;

namespace WhatsAppMedia.Core.Providers;

/// <summary>Everything the provider core reads from configuration section <c>Providers</c> (README.md, "Configuration").</summary>
public sealed class ProvidersOptions
{
    public const string SectionName = "Providers";

    public MetaOptions Meta { get; set; } = new();

    public AwsOptions Aws { get; set; } = new();

    public NxCloudOptions NxCloud { get; set; } = new();

    public SmsGatewayCenterOptions SmsGatewayCenter { get; set; } = new();

    public ProviderRetryOptions Retry { get; set; } = new();
}
