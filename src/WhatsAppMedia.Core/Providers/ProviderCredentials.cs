namespace WhatsAppMedia.Core.Providers;

/// <summary>
/// A tenant's credentials for its provider. Passed with every call and never stored by a provider.
/// Every subtype redacts its secrets from <see cref="object.ToString"/>, so a credential logged by mistake leaks nothing.
/// </summary>
public abstract record ProviderCredentials
{
    public abstract ProviderKind Kind { get; }

    protected const string Redacted = "***";
}
