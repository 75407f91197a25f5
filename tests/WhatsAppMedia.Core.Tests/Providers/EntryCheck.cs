using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Core.Tests.Providers;

/// <summary>
/// The one check a request's identifiers pass before any provider call (<see cref="ProviderClient.TryResolve"/>). A
/// refused media id or phone yields no <see cref="MediaTarget"/>, so no send to the provider can be built from it.
/// </summary>
internal static class EntryCheck
{
    /// <summary>Asserts that the entry refuses <paramref name="candidate"/>'s identifiers for <paramref name="provider"/>, and returns why.</summary>
    public static IdentifierError Refuses(IMediaProvider provider, MediaTarget candidate)
    {
        var client = new ProviderClient([provider], Options.Create(new ProviderRetryOptions()), TimeProvider.System, NullLogger<ProviderClient>.Instance);
        client.TryResolve(provider.Provider, candidate.MediaId, candidate.Phone, out var target, out var error).ShouldBeFalse();
        target.ShouldBeNull();
        return error!;
    }
}
