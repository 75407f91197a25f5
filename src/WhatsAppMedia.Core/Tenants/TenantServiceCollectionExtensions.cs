using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Core.Tenants;

internal static class TenantServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ITenantStore"/> and <see cref="TenantAuthenticator"/>. With <c>KeyVault:VaultUri</c> set the
    /// store reads Key Vault through the cache; without it, <c>Tenants:{id}</c> configuration values. The <c>KeyVault</c>
    /// section is bound and validated (<see cref="KeyVaultOptionsValidator"/>) at start, and the store is built from the
    /// validated options when first resolved. Tenant documents are read with the resolved <see cref="ProviderRegistry"/>
    /// when one is registered, else <see cref="ProviderRegistry.BuiltIn"/>.
    /// </summary>
    /// <param name="secretClientFactory">Builds the Key Vault client; default <see cref="KeyVaultClientFactory.Create"/>. Tests pass a stand-in's client.</param>
    /// <remarks>Resolving <see cref="ITenantStore"/> throws <see cref="OptionsValidationException"/> when the <c>KeyVault</c> section is invalid.</remarks>
    public static IServiceCollection AddTenants(
        this IServiceCollection services,
        IConfiguration configuration,
        Func<KeyVaultOptions, SecretClient>? secretClientFactory = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // Bound from the configuration passed in, not BindConfiguration's: the CLI's tests register no IConfiguration.
        services.AddOptions<KeyVaultOptions>().Bind(configuration.GetSection(KeyVaultOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KeyVaultOptions>, KeyVaultOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TenantAuthenticator>();
        // Not TryAdd: a second call (a test's, with a stand-in's client) replaces the first.
        services.AddSingleton(new SecretClientFactory(secretClientFactory ?? (vaultOptions => KeyVaultClientFactory.Create(vaultOptions))));
        services.AddSingleton<ITenantStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<KeyVaultOptions>>().Value;
            var providers = provider.GetService<ProviderRegistry>();
            return options.VaultUri is null
                ? new ConfigurationTenantStore(configuration, LoggerFor<ConfigurationTenantStore>(provider), providers)
                : new CachingTenantStore(
                    new KeyVaultTenantSource(provider.GetRequiredService<SecretClientFactory>().Create(options)),
                    options,
                    provider.GetRequiredService<TimeProvider>(),
                    LoggerFor<CachingTenantStore>(provider),
                    providers);
        });

        return services;
    }

    private static ILogger<T> LoggerFor<T>(IServiceProvider provider) =>
        provider.GetService<ILogger<T>>() ?? NullLogger<T>.Instance;
}
