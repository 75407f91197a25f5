using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using WhatsAppMedia.Core.Tenants;
using WhatsAppMedia.Sandbox;
using WhatsAppMedia.Testing.KeyVault;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>
/// A local host whose tenants live in Key Vault: <c>KeyVault:VaultUri</c> names the stand-in, and the store reads it
/// with the real <c>SecretClient</c> and the production client options (retries included); only the TLS trust and the
/// token come from the stand-in, which no Azure identity could reach.
/// </summary>
public sealed class KeyVaultHostFixture : LocalHostFixture
{
    public KeyVaultStandIn Vault { get; private set; } = null!;

    public RecordedLogs Logs { get; } = new();

    protected override IEnumerable<string> HostOverrides => [$"--KeyVault:VaultUri={Vault.VaultUri}"];

    /// <summary>Stores a working Meta tenant (the demo key, the sandbox's token) as <c>tenant-{tenantId}</c> and returns its id.</summary>
    public string StoreMetaTenant(string tenantId)
    {
        Vault.SetSecret(
            TenantIds.SecretName(tenantId),
            $$$"""{"provider":"meta","apiKeySha256":"{{{ApiKeyHash.Compute(DemoApiKey)}}}","credentials":{"accessToken":"{{{SandboxAccounts.Meta.AccessToken}}}"}}""");
        return tenantId;
    }

    public override async Task InitializeAsync()
    {
        Vault = await KeyVaultStandIn.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Vault is not null)
        {
            await Vault.DisposeAsync();
        }
    }

    protected override void ConfigureHost(WebApplicationBuilder builder)
    {
        builder.Logging.AddProvider(Logs);

        // Registered again, so this store (the last one) is the one resolved.
        builder.Services.AddTenants(builder.Configuration, options => Vault.CreateSecretClient(KeyVaultClientFactory.CreateClientOptions(options)));
    }
}
