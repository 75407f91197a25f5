using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace WhatsAppMedia.Core.Providers;

/// <summary>Registers providers: each one through its <see cref="IProviderDefinition"/>, and the <see cref="ProviderRegistry"/> of all of them.</summary>
internal static class ProviderServiceCollectionExtensions
{
    /// <summary>Registers every provider of <see cref="ProviderRegistry.BuiltIn"/>.</summary>
    public static IServiceCollection AddProviders(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (var definition in ProviderRegistry.BuiltIn.All)
        {
            services.AddProvider(definition);
        }

        return services;
    }

    /// <summary>
    /// Registers one provider: its definition (so the resolved <see cref="ProviderRegistry"/> knows it) and its services
    /// (<see cref="IProviderDefinition.AddServices"/>). Registering the same definition twice does nothing the second time.
    /// </summary>
    public static IServiceCollection AddProvider(this IServiceCollection services, IProviderDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(definition);
        if (services.Any(descriptor => descriptor.ServiceType == typeof(IProviderDefinition) && ReferenceEquals(descriptor.ImplementationInstance, definition)))
        {
            return services;
        }

        services.AddSingleton(definition);
        services.TryAddSingleton(provider => new ProviderRegistry(provider.GetServices<IProviderDefinition>()));
        definition.AddServices(services);
        return services;
    }

    /// <summary>
    /// The one options style: <typeparamref name="TOptions"/> bound to configuration section <paramref name="section"/>
    /// and checked by <typeparamref name="TValidator"/> at start-up (<c>ValidateOnStart</c>), so a bad setting stops the
    /// host with a message naming it rather than failing the first request.
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
    }

    /// <summary>
    /// The typed client of one provider, configured once here for every provider: <paramref name="baseAddress"/> (already
    /// validated by the provider's options validator) as <see cref="HttpClient.BaseAddress"/>, with a trailing slash so
    /// relative operation paths append to it. Timeouts belong to <see cref="ProviderClient"/>, so the client's own is
    /// off; redirects are not followed, so credential headers never travel to a host nobody configured; every request
    /// carries the one <see cref="ProductUserAgent"/>.
    /// </summary>
    /// <param name="baseAddress">The provider's base URL from its validated options, or null when the provider builds absolute URLs itself.</param>
    public static IHttpClientBuilder AddProviderHttpClient<TProvider>(this IServiceCollection services, Func<IServiceProvider, Uri?> baseAddress)
        where TProvider : class, IMediaProvider
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(baseAddress);
        services.AddTransient<IMediaProvider>(provider => provider.GetRequiredService<TProvider>());
        if (typeof(IMediaMetadataProvider).IsAssignableFrom(typeof(TProvider)))
        {
            // A provider with a metadata call (GET …/media/{mediaId}) offers it through the same typed client.
            services.AddTransient(provider => (IMediaMetadataProvider)provider.GetRequiredService<TProvider>());
        }

        return services.AddHttpClient<TProvider>((provider, client) =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan;
                ProductUserAgent.Apply(client);
                if (baseAddress(provider) is { } address)
                {
                    client.BaseAddress = EndpointPolicy.AsBaseAddress(address);
                }
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
    }
}
