using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Http;
using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.Core.Receipts;

internal static class ReceiptServiceCollectionExtensions
{
    /// <summary>
    /// The <c>Receipts</c> settings, the signing key's source (docs/receipts.md, "The signing key": the key file when
    /// <c>Receipts:SigningKeyFile</c> is set, else the vault's secret when <c>KeyVault:VaultUri</c> is, else none), the
    /// digest and retention jobs, and the signing-key endpoint.
    /// </summary>
    public static IServiceCollection AddReceiptSigning(this IServiceCollection services)
    {
        services.AddValidatedOptions<ReceiptOptions, ReceiptOptionsValidator>(ReceiptOptions.SectionName);
        services.TryAddSingleton<IReceiptSigningKeySource>(provider =>
        {
            var receipts = provider.GetRequiredService<IOptions<ReceiptOptions>>().Value;
            var vault = provider.GetRequiredService<IOptions<KeyVaultOptions>>().Value;
            if (receipts.SigningKeyFile is { Length: > 0 } file)
            {
                return new FileReceiptSigningKeySource(file);
            }

            return vault.VaultUri is null
                ? new NoReceiptSigningKeySource()
                : new VaultReceiptSigningKeySource(
                    provider.GetRequiredService<SecretClientFactory>().Create(vault), receipts.SigningKeySecretName, provider.GetRequiredService<TimeProvider>());
        });
        services.AddHostedService<SigningKeyFileCheck>();
        services.TryAddTransient(provider => new ReceiptDigestJob(
            provider.GetRequiredService<TableReceiptStore>(),
            provider.GetRequiredService<IReceiptSigningKeySource>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ReceiptDigestJob>>()));
        services.TryAddTransient(provider => new ReceiptRetentionJob(
            provider.GetRequiredService<TableReceiptStore>(),
            provider.GetRequiredService<IOptions<ReceiptOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ReceiptRetentionJob>>()));
        services.TryAddTransient(provider => new SigningKeyApi(
            provider.GetRequiredService<IReceiptSigningKeySource>(),
            provider.GetRequiredService<ILogger<SigningKeyApi>>()));
        return services;
    }
}
