using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WhatsAppMedia.Core.Tenants;
using static WhatsAppMedia.Core.Tests.Tenants.TenantTestData;

namespace WhatsAppMedia.Core.Tests.Tenants;

public sealed class AddTenantsTests(KeyVaultFixture fixture) : IClassFixture<KeyVaultFixture>
{
    [Fact]
    public async Task Without_a_vault_uri_tenants_come_from_configuration()
    {
        using var services = Build(("Tenants:acme", Meta()), ("KeyVault:VaultUri", ""));

        services.GetRequiredService<ITenantStore>().ShouldBeOfType<ConfigurationTenantStore>();
        (await services.GetRequiredService<TenantAuthenticator>().AuthenticateAsync("acme", ApiKey)).IsAuthenticated.ShouldBeTrue();
    }

    [Fact]
    public async Task With_a_vault_uri_tenants_come_from_Key_Vault_through_the_cache()
    {
        fixture.Vault.SetSecret("tenant-vaulted", Meta());
        using var services = Build(
            _ => fixture.Vault.CreateSecretClient(),
            ("KeyVault:VaultUri", fixture.Vault.VaultUri.ToString()),
            ("KeyVault:CacheTtl", "00:05:00"),
            ("Tenants:vaulted", "ignored when a vault is configured"));

        var store = services.GetRequiredService<ITenantStore>();

        store.ShouldBeOfType<CachingTenantStore>();
        (await store.GetAsync("vaulted")).IsFound.ShouldBeTrue();
        services.GetRequiredService<IOptions<KeyVaultOptions>>().Value.CacheTtl.ShouldBe(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void The_defaults_are_the_documented_ones()
    {
        using var services = Build();

        var options = services.GetRequiredService<IOptions<KeyVaultOptions>>().Value;

        options.VaultUri.ShouldBeNull();
        options.CacheTtl.ShouldBe(TimeSpan.FromHours(1));
        options.MaxStaleness.ShouldBe(TimeSpan.FromHours(12));
        options.NegativeCacheTtl.ShouldBe(TimeSpan.FromMinutes(1));
        options.FailureBackoff.ShouldBe(TimeSpan.FromSeconds(30));
        options.ReadTimeout.ShouldBe(TimeSpan.FromSeconds(10));
        options.ColdReadConcurrency.ShouldBe(4);
        options.ColdReadsPerSecond.ShouldBe(5);
        options.ColdReadBurst.ShouldBe(20);
        options.MaxRetries.ShouldBe(2);
        options.NetworkTimeout.ShouldBe(TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData("KeyVault:VaultUri", "http://my-vault.vault.azure.net/")]
    [InlineData("KeyVault:VaultUri", "https://user:pw@my-vault.vault.azure.net/")]
    [InlineData("KeyVault:VaultUri", "https://my-vault.vault.azure.net/?x=1")]
    [InlineData("KeyVault:CacheTtl", "00:00:00")]
    [InlineData("KeyVault:CacheTtl", "-00:01:00")]
    [InlineData("KeyVault:MaxStaleness", "30.00:00:00")]
    [InlineData("KeyVault:NegativeCacheTtl", "00:00:00")]
    [InlineData("KeyVault:FailureBackoff", "00:00:00")]
    [InlineData("KeyVault:ReadTimeout", "00:00:00")]
    [InlineData("KeyVault:NetworkTimeout", "00:00:00")]
    [InlineData("KeyVault:ColdReadConcurrency", "0")]
    [InlineData("KeyVault:ColdReadsPerSecond", "0")]
    [InlineData("KeyVault:ColdReadBurst", "0")]
    [InlineData("KeyVault:MaxRetries", "11")]
    [InlineData("KeyVault:ClientId", "not-a-guid")]
    public void A_bad_setting_is_refused_when_the_store_is_built_naming_the_key(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new KeyValuePair<string, string?>(key, value)]).Build();
        using var services = new ServiceCollection().AddTenants(configuration).BuildServiceProvider();

        var exception = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<ITenantStore>());

        exception.Message.ShouldContain(key);
    }

    [Fact]
    public void The_production_client_uses_the_documented_retry_settings()
    {
        var options = KeyVaultClientFactory.CreateClientOptions(new KeyVaultOptions { MaxRetries = 3, NetworkTimeout = TimeSpan.FromSeconds(7) });

        options.Retry.MaxRetries.ShouldBe(3);
        options.Retry.NetworkTimeout.ShouldBe(TimeSpan.FromSeconds(7));
        options.Retry.Delay.ShouldBe(KeyVaultClientFactory.RetryDelay);
        options.Retry.MaxDelay.ShouldBe(KeyVaultClientFactory.RetryMaxDelay);
        options.DisableChallengeResourceVerification.ShouldBeFalse();
    }

    private static ServiceProvider Build(params (string Key, string? Value)[] values) => Build(null, values);

    private static ServiceProvider Build(Func<KeyVaultOptions, Azure.Security.KeyVault.Secrets.SecretClient>? clientFactory, params (string Key, string? Value)[] values)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(value => new KeyValuePair<string, string?>(value.Key, value.Value)))
            .Build();
        return new ServiceCollection().AddTenants(configuration, clientFactory).BuildServiceProvider();
    }
}
