using System.Diagnostics.CodeAnalysis;
using WhatsAppMedia.Core.Providers.Aws;
using WhatsAppMedia.Core.Providers.Meta;
using WhatsAppMedia.Core.Providers.NxCloud;
using WhatsAppMedia.Core.Providers.SmsGatewayCenter;

namespace WhatsAppMedia.Core.Providers;

/// <summary>
/// The providers a tenant can name, by wire name. <see cref="BuiltIn"/> is the one list a new provider is added to;
/// the hosts register it (<see cref="ProviderServiceCollectionExtensions.AddProviders"/>) and resolve the registry from
/// the service provider, so a provider registered there (a test's, for instance) is known everywhere the registry is.
/// </summary>
public sealed class ProviderRegistry
{
    private readonly Dictionary<string, IProviderDefinition> _byName;

    /// <exception cref="ArgumentException">Two definitions share a name, or a name is not lowercase ASCII letters and digits.</exception>
    public ProviderRegistry(IEnumerable<IProviderDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        All = [.. definitions.DistinctBy(definition => definition)];
        _byName = new Dictionary<string, IProviderDefinition>(StringComparer.Ordinal);
        foreach (var definition in All)
        {
            if (definition.Name is not { Length: > 0 } name || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)))
            {
                throw new ArgumentException("A provider name is one or more lowercase ASCII letters and digits.", nameof(definitions));
            }

            if (!_byName.TryAdd(name, definition))
            {
                throw new ArgumentException($"Two providers are registered as '{name}'.", nameof(definitions));
            }
        }

        Names = [.. All.Select(definition => definition.Name)];
    }

    /// <summary>The providers this service ships with: a new provider's definition is added here (README.md, "Adding a provider", lists every other file it touches).</summary>
    public static ProviderRegistry BuiltIn { get; } = new(
    [
        MetaProviderDefinition.Instance,
        AwsProviderDefinition.Instance,
        NxCloudProviderDefinition.Instance,
        SmsGatewayCenterProviderDefinition.Instance,
    ]);

    /// <summary>The registered providers, in registration order.</summary>
    public IReadOnlyList<IProviderDefinition> All { get; }

    /// <summary>The registered wire names, in registration order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Finds a provider by its exact wire name (lowercase, no aliases), so a typo never selects a provider.</summary>
    public bool TryFind(string? name, [NotNullWhen(true)] out IProviderDefinition? definition)
    {
        definition = name is null ? null : _byName.GetValueOrDefault(name);
        return definition is not null;
    }
}
