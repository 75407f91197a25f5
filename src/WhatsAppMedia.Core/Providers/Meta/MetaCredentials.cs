using WhatsAppMedia.Core.Tenants;
using Fields = WhatsAppMedia.Core.Tenants.TenantDocumentFields;

namespace WhatsAppMedia.Core.Providers.Meta;

/// <param name="AccessToken">A system-user or user access token with <c>whatsapp_business_messaging</c>; travels in the <c>Authorization</c> header.</param>
/// <param name="GraphVersion">The Graph API version for this tenant, or null for <c>Providers__Meta__GraphVersion</c>.</param>
public sealed record MetaCredentials(string AccessToken, string? GraphVersion = null) : ProviderCredentials
{
    public override ProviderKind Kind => ProviderKind.Meta;

    public override TenantDocumentError? Problem()
    {
        if (!SecretText.IsHeaderSafe(AccessToken))
        {
            return TenantDocumentError.For(Fields.InCredentials(Fields.AccessToken), SecretText.HeaderSafeRule);
        }

        return GraphVersion is not null && !MetaIdentifiers.IsGraphVersion(GraphVersion)
            ? TenantDocumentError.For(Fields.InCredentials(Fields.GraphVersion), "must look like 'v23.0'")
            : null;
    }

    public override string ToString() => $"MetaCredentials {{ AccessToken = {Redacted}, GraphVersion = {GraphVersion} }}";
}
