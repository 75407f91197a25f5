using WhatsAppMedia.Core.Tenants;
using Fields = WhatsAppMedia.Core.Tenants.TenantDocumentFields;

namespace WhatsAppMedia.Core.Providers.Meta;

/// <param name="AccessToken">A system-user or user access token with <c>whatsapp_business_messaging</c>; travels in the <c>Authorization</c> header.</param>
/// <param name="GraphVersion">The Graph API version for this tenant, or null for <c>Providers__Meta__GraphVersion</c>.</param>
internal sealed record MetaCredentials(string AccessToken, string? GraphVersion = null) : ProviderCredentials
{
    public override string Provider => MetaProviderDefinition.ProviderName;

    /// <summary>
    /// False: for Meta a phone becomes <c>phone_number_id</c>, an ownership check Meta refuses for media a customer sent
    /// (code 100, "not a valid whatsapp business phone number id"), so a default would make such media undeletable.
    /// </summary>
    public override bool AppliesTenantPhone => false;

    public override TenantDocumentError? Problem()
    {
        if (!SecretText.IsHeaderSafe(AccessToken))
        {
            return TenantDocumentError.For(Fields.InCredentials(MetaProviderDefinition.AccessTokenField), SecretText.HeaderSafeRule);
        }

        return GraphVersion is not null && !MetaIdentifiers.IsGraphVersion(GraphVersion)
            ? TenantDocumentError.For(Fields.InCredentials(MetaProviderDefinition.GraphVersionField), "must look like 'v23.0'")
            : null;
    }

    public override IEnumerable<KeyValuePair<string, string?>> ToDocumentFields() =>
    [
        new(MetaProviderDefinition.AccessTokenField, AccessToken),
        new(MetaProviderDefinition.GraphVersionField, GraphVersion),
    ];

    public override string ToString() => $"MetaCredentials {{ AccessToken = {Redacted}, GraphVersion = {GraphVersion} }}";
}
