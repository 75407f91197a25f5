namespace WhatsAppMedia.Core.Tenants;

/// <summary>
/// Why a tenant document is unusable: the field at fault (a dotted path such as <c>credentials.region</c>, or
/// <c>$</c> for the whole document) and a message that names the field and never repeats its value.
/// </summary>
public sealed record TenantDocumentError(string Field, string Message)
{
    public const string WholeDocument = "$";

    /// <summary>The error for <paramref name="field"/> (a dotted path), with <paramref name="problem"/> a phrase such as "must be a string".</summary>
    public static TenantDocumentError For(string field, string problem) => new(field, $"Tenant document field '{field}' {problem}.");
}
