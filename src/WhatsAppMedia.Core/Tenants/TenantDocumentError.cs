namespace WhatsAppMedia.Core.Tenants;

/// <summary>
/// Why a tenant document is unusable: the field at fault (a dotted path such as <c>credentials.region</c>, or
/// <c>$</c> for the whole document) and a message that names the field and never repeats its value.
/// </summary>
public sealed record TenantDocumentError(string Field, string Message)
{
    public const string WholeDocument = "$";
}
