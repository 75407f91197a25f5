using WhatsAppMedia.Testing.KeyVault;

namespace WhatsAppMedia.Cli.Tests;

/// <summary>One Key Vault stand-in for a test class; the CLI gets clients to it through <see cref="CliEnvironment"/>.</summary>
public sealed class CliFixture : IAsyncLifetime
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

    internal async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string?>? environmentVariables, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new CliEnvironment(
            output,
            error,
            vaultUri => vaultUri == Vault.VaultUri ? Vault.CreateSecretClient() : throw new InvalidOperationException("Unexpected vault."),
            name => environmentVariables is not null && environmentVariables.TryGetValue(name, out var value) ? value : null);

        var exitCode = await CliApplication.RunAsync(args, environment);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
