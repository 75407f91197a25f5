namespace WhatsAppMedia.Core.Providers;

/// <summary>
/// The built-in providers as the sandbox (src/WhatsAppMedia.Sandbox) imitates them and tests name them. The service
/// itself never reads this list: it knows a provider by its registered definition (<see cref="ProviderRegistry"/>,
/// <see cref="IProviderDefinition.Name"/>). <see cref="ProviderKindNames.ToName"/> gives the wire name.
/// </summary>
public enum ProviderKind
{
    Meta,
    Aws,
    NxCloud,
    SmsGatewayCenter,
}
