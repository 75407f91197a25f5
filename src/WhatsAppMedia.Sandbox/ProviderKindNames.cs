using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Sandbox;

/// <summary>The wire name of a <see cref="ProviderKind"/>.</summary>
public static class ProviderKindNames
{
    /// <summary>
    /// The enum name in lowercase, which is the provider's <see cref="IProviderDefinition.Name"/> by construction
    /// (a rule rather than a table, so it never needs an edit).
    /// </summary>
    public static string ToName(this ProviderKind kind) => kind.ToString().ToLowerInvariant();
}
