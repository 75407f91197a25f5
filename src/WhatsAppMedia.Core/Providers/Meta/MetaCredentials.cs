namespace WhatsAppMedia.Core.Providers.Meta;

/// <param name="AccessToken">A system-user or user access token with <c>whatsapp_business_messaging</c>.</param>
/// <param name="GraphVersion">The Graph API version for this tenant, or null for <c>Providers__Meta__GraphVersion</c>.</param>
public sealed record MetaCredentials(string AccessToken, string? GraphVersion = null) : ProviderCredentials
{
    public override ProviderKind Kind => ProviderKind.Meta;

    public override string ToString() => $"MetaCredentials {{ AccessToken = {Redacted}, GraphVersion = {GraphVersion} }}";
}
