using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Sandbox;

/// <summary>
/// The providers the sandbox imitates, as its control API and the tests name them, each marked with its imitation: the
/// sandbox's one list of providers (<see cref="SandboxImitations"/>), which must name the same providers as
/// <see cref="ProviderRegistry.BuiltIn"/> (the sandbox's tests check it). The service itself never reads this list: it
/// knows a provider by its registered definition (<see cref="IProviderDefinition.Name"/>).
/// <see cref="ProviderKindNames.ToName"/> gives the wire name, which is also the imitation's path prefix.
/// </summary>
public enum ProviderKind
{
    [Imitation<Meta.MetaImitation>]
    Meta,

    [Imitation<Aws.AwsImitation>]
    Aws,

    [Imitation<NxCloud.NxCloudImitation>]
    NxCloud,

    [Imitation<SmsGatewayCenter.SmsGatewayCenterImitation>]
    SmsGatewayCenter,
}
