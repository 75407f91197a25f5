using System.Reflection;

namespace WhatsAppMedia.Sandbox;

/// <summary>
/// The imitations, read from <see cref="ProviderKind"/>: each value's <see cref="ImitationAttribute{TImitation}"/>
/// says how to make it, what settings point the provider core at it, and which accounts and demo media it starts with,
/// so <see cref="ProviderSandbox"/> iterates this instead of naming providers.
/// </summary>
internal static class SandboxImitations
{
    /// <summary>Every provider the sandbox imitates, in declaration order.</summary>
    public static IReadOnlyList<ProviderKind> Kinds { get; } = Enum.GetValues<ProviderKind>();

    private static readonly Dictionary<ProviderKind, ImitationAttribute> Registrations = Kinds.ToDictionary(kind => kind, Read);

    public static ImitationAttribute For(ProviderKind kind) => Registrations[kind];

    /// <summary>One imitation per provider, each bound to its own state.</summary>
    public static IReadOnlyList<IProviderImitation> Create(Func<ProviderKind, SandboxProviderState> stateFor, TimeProvider timeProvider) =>
        [.. Kinds.Select(kind => Create(kind, stateFor(kind), timeProvider))];

    private static IProviderImitation Create(ProviderKind kind, SandboxProviderState state, TimeProvider timeProvider)
    {
        var imitation = For(kind).Create(state, timeProvider);

        // A copied registration line that kept the old type would serve one provider's routes under another's name.
        return imitation.Kind == kind
            ? imitation
            : throw new InvalidOperationException($"ProviderKind.{kind} is registered with the {imitation.Kind} imitation.");
    }

    private static ImitationAttribute Read(ProviderKind kind) =>
        typeof(ProviderKind).GetField(kind.ToString(), BindingFlags.Public | BindingFlags.Static)?.GetCustomAttribute<ImitationAttribute>()
        ?? throw new InvalidOperationException($"ProviderKind.{kind} names no imitation; mark it [Imitation<…>] (README.md, \"Adding a provider\").");
}
