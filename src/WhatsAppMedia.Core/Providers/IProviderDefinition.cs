using Microsoft.Extensions.DependencyInjection;

namespace WhatsAppMedia.Core.Providers;

/// <summary>
/// Everything the rest of the service needs to know about one provider, stated once in the provider's own folder:
/// its wire name, the credential fields of its tenant documents, how a default phone is checked, and the services
/// (options, validator, typed HTTP client, <see cref="IMediaProvider"/>) it registers. The tenant document parser, the
/// CLI and the dependency-injection set-up iterate the <see cref="ProviderRegistry"/> of these instead of naming providers.
/// </summary>
public interface IProviderDefinition
{
    /// <summary>The provider's name in tenant documents, responses and logs, for example <c>meta</c>: lowercase, exact, no aliases.</summary>
    string Name { get; }

    /// <summary>The fields of <c>credentials</c>, in the order the parser reads them (the first bad one is the one reported).</summary>
    IReadOnlyList<CredentialField> CredentialFields { get; }

    /// <summary>Whether the tenant document's <c>phone</c> is meaningful for this provider (the CLI offers <c>--phone</c>).</summary>
    bool TakesPhone { get; }

    /// <summary>
    /// The request budget a tenant of this provider gets when its document names none (docs/pacing.md), or null: no
    /// pacing, the service only reacts to the provider's throttling.
    /// </summary>
    double? DefaultRequestsPerSecond => null;

    /// <summary>
    /// How long the provider itself keeps media of <paramref name="origin"/> after it was uploaded or received, as its
    /// documentation states (the provider's page in docs/providers/); null when it states none. A retention deletion due
    /// after that is recorded as <c>expired_at_provider</c> without a provider call (docs/scheduling.md, "Retention").
    /// </summary>
    TimeSpan? MediaLifetime(Scheduling.MediaOrigin origin) => null;

    /// <summary>
    /// What is wrong with <paramref name="phone"/> as a tenant's default phone, or null when it is usable or never
    /// applied. Uses the provider's own identifier checks, so a document that passes here never fails them at call time.
    /// </summary>
    IdentifierError? CheckDefaultPhone(string phone);

    /// <summary>
    /// The credentials the given fields describe. <paramref name="fields"/> holds the fields that are present (already
    /// checked to be non-empty trimmed strings); every <see cref="CredentialField.IsRequired"/> one is there. The result
    /// is then held to <see cref="ProviderCredentials.Problem"/>.
    /// </summary>
    ProviderCredentials CreateCredentials(IReadOnlyDictionary<string, string> fields);

    /// <summary>
    /// Registers the provider's options (bound to its own section and validated at start), its typed HTTP client and its
    /// <see cref="IMediaProvider"/>. Called once per provider by <see cref="ProviderServiceCollectionExtensions.AddProvider"/>.
    /// </summary>
    void AddServices(IServiceCollection services);
}
