using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Sandbox;

/// <summary>The wire name of a <see cref="ProviderKind"/>, and the demo tenant that uses its imitation.</summary>
public static class ProviderKindNames
{
    /// <summary>
    /// The enum name in lowercase, which is the provider's <see cref="IProviderDefinition.Name"/> by construction
    /// (a rule rather than a table, so it never needs an edit).
    /// </summary>
    public static string ToName(this ProviderKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The tenant of <c>local.settings.sample.json</c> that uses the sandbox's account for <paramref name="kind"/>, for example <c>demo-meta</c>.</summary>
    public static string DemoTenant(this ProviderKind kind) => SandboxImitations.For(kind).DemoTenant;
}
