using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Sandbox;

/// <summary>
/// The providers the sandbox imitates, as its control API and the tests name them. The service itself never reads
/// this list: it knows a provider by its registered definition (<see cref="ProviderRegistry"/>,
/// <see cref="IProviderDefinition.Name"/>). <see cref="ProviderKindNames.ToName"/> gives the wire name.
/// </summary>
public enum ProviderKind
{
    Meta,
    Aws,
    NxCloud,
    SmsGatewayCenter,
}
