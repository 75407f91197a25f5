using Fields = WhatsAppMedia.Core.Tenants.TenantDocumentFields;

namespace WhatsAppMedia.Cli;

/// <summary>One tenant document field that <c>tenant add</c> takes as an option (docs/formats.md, "Tenant document" table).</summary>
/// <param name="Name">The field's name in the document, for example <c>accessToken</c>.</param>
/// <param name="InCredentials">Whether the field lives inside <c>credentials</c> (all but <c>phone</c>).</param>
/// <param name="OptionName">The command-line option, for example <c>--access-token</c>.</param>
/// <param name="Description">The option's help text.</param>
/// <param name="IsSecret">
/// Whether the value is a secret: <c>tenant show</c> redacts it, and <c>tenant add</c> also takes it from
/// <see cref="EnvironmentVariable"/> or <c>--secrets-from-stdin</c>, which keep it out of shell history and the process list.
/// </param>
internal sealed record CredentialField(string Name, bool InCredentials, string OptionName, string Description, bool IsSecret)
{
    /// <summary>The dotted path the tenant document parser names in its errors, for example <c>credentials.accessToken</c>.</summary>
    public string Path => InCredentials ? Fields.InCredentials(Name) : Name;

    /// <summary>Where a secret may come from instead of its option, for example <c>WHATSAPP_MEDIA_ACCESS_TOKEN</c>; null for other fields.</summary>
    public string? EnvironmentVariable =>
        IsSecret ? "WHATSAPP_MEDIA_" + OptionName.TrimStart('-').Replace('-', '_').ToUpperInvariant() : null;
}
