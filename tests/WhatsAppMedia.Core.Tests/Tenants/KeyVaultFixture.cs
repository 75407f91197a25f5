using WhatsAppMedia.Testing.KeyVault;

namespace WhatsAppMedia.Core.Tests.Tenants;

/// <summary>One Key Vault stand-in per test class. Tests use their own tenant ids; faults are cleared before each test.</summary>
public sealed class KeyVaultFixture : IAsyncLifetime
{
    private KeyVaultStandIn? _vault;

    public KeyVaultStandIn Vault => _vault ?? throw new InvalidOperationException("The stand-in has not started.");

    public async Task InitializeAsync() => _vault = await KeyVaultStandIn.StartAsync();

    public async Task DisposeAsync()
    {
        if (_vault is not null)
        {
            await _vault.DisposeAsync();
        }
    }
}
