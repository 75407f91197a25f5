using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Core.Tests.Support;

/// <summary>
/// An HTTP client set up as the service's typed provider clients are (ProviderServiceCollectionExtensions.AddProviderHttpClient):
/// the provider's base URL as <see cref="HttpClient.BaseAddress"/>. The handler is left to its owner.
/// </summary>
internal static class ProviderClients
{
    public static HttpClient For(HttpMessageHandler handler, Uri baseUrl) =>
        new(handler, disposeHandler: false) { BaseAddress = EndpointPolicy.AsBaseAddress(baseUrl) };
}
