using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.Core.Providers;

/// <summary>
/// A tenant's credentials for its provider. Passed with every call and never stored by a provider.
/// Every subtype redacts its secrets from <see cref="object.ToString"/>, so a credential logged by mistake leaks nothing.
/// </summary>
public abstract record ProviderCredentials
{
    /// <summary>The wire name of the provider these credentials are for (<see cref="IProviderDefinition.Name"/>).</summary>
    public abstract string Provider { get; }

    /// <summary>
    /// Whether the tenant document's <c>phone</c> stands in when a call names none (<see cref="ProviderPhones.For"/>).
    /// True unless the provider says otherwise.
    /// </summary>
    public virtual bool AppliesTenantPhone => true;

    /// <summary>The <c>credentials</c> fields of the tenant document, by name; a null value is left out of the document.</summary>
    public abstract IEnumerable<KeyValuePair<string, string?>> ToDocumentFields();

    /// <summary>
    /// The first field that cannot work on the wire (a value a header cannot carry, a region that cannot be a host name,
    /// a missing half of a login), or null. The one statement of these rules: the tenant document refuses such a
    /// document (so the CLI never writes one and the service answers <c>tenant_misconfigured</c>), and each provider
    /// refuses such credentials before it builds anything from them. The error names the field, never its value.
    /// </summary>
    public abstract TenantDocumentError? Problem();

    protected const string Redacted = "***";
}
