namespace WhatsAppMedia.Core.Providers;

/// <summary>
/// One field a provider reads from the tenant document's <c>credentials</c> object (docs/formats.md, "Tenant document"),
/// as the parser reads it and the CLI's <c>tenant add</c> offers it.
/// </summary>
/// <param name="Name">The field's name inside <c>credentials</c>, for example <c>accessToken</c>.</param>
/// <param name="OptionName">The CLI option that sets it, for example <c>--access-token</c>.</param>
/// <param name="Description">The option's help text.</param>
/// <param name="IsRequired">Whether the parser refuses a document without it ("is required").</param>
/// <param name="IsSecret">Whether the value is a secret: the CLI redacts it and also takes it from an environment variable or standard input.</param>
public sealed record CredentialField(string Name, string OptionName, string Description, bool IsRequired = false, bool IsSecret = false);
