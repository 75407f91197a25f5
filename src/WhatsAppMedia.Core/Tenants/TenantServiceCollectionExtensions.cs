using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace WhatsAppMedia.Core.Tenants;

public static class TenantServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ITenantStore"/> and <see cref="TenantAuthenticator"/>. With <c>KeyVault:VaultUri</c> set the
    /// store reads Key Vault through the cache; without it, <c>Tenants:{id}</c> configuration values.
    /// The <c>KeyVault</c> section is validated here, so a bad setting fails at start-up.
    /// </summary>
    /// <param name="secretClientFactory">Builds the Key Vault client; default <see cref="KeyVaultClientFactory.Create"/>. Tests pass a stand-in's client.</param>
    /// <exception cref="OptionsValidationException">The <c>KeyVault</c> section is invalid.</exception>
    public static IServiceCollection AddTenants(
        this IServiceCollection services,
        IConfiguration configuration,
        Func<KeyVaultOptions, SecretClient>? secretClientFactory = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var section = configuration.GetSection(KeyVaultOptions.SectionName);
        var options = section.Get<KeyVaultOptions>() ?? new KeyVaultOptions();
        var validator = new KeyVaultOptionsValidator();
        var validation = validator.Validate(Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(KeyVaultOptions), validation.Failures);
        }

        services.AddOptions<KeyVaultOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KeyVaultOptions>, KeyVaultOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TenantAuthenticator>();

        if (options.VaultUri is null)
        {
            services.AddSingleton<ITenantStore>(provider => new ConfigurationTenantStore(configuration, LoggerFor<ConfigurationTenantStore>(provider)));
        }
        else
        {
            services.AddSingleton<ITenantStore>(provider => new CachingTenantStore(
                new KeyVaultTenantSource((secretClientFactory ?? (vaultOptions => KeyVaultClientFactory.Create(vaultOptions)))(options)),
                options,
                provider.GetRequiredService<TimeProvider>(),
                LoggerFor<CachingTenantStore>(provider)));
        }

        return services;
    }

    private static ILogger<T> LoggerFor<T>(IServiceProvider provider) =>
        provider.GetService<ILogger<T>>() ?? NullLogger<T>.Instance;
}
