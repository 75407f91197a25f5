namespace WhatsAppMedia.Core.Providers;

/// <summary>The WhatsApp providers a tenant can use. <see cref="ProviderNames"/> maps them to their wire names.</summary>
public enum ProviderKind
{
    Meta,
    Aws,
    NxCloud,
    SmsGatewayCenter,
}
