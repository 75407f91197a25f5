using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppMedia.Core.Tenants;
using WhatsAppMedia.Testing.KeyVault;

namespace WhatsAppMedia.Cli.Tests;

/// <summary>One Key Vault stand-in for a test class; the CLI gets clients to it through <see cref="CliEnvironment"/>.</summary>
public sealed class CliFixture : IAsyncLifetime
{
    private KeyVaultStandIn? _vault;

    public KeyVaultStandIn Vault => _vault ?? throw new InvalidOperationException("The stand-in has not started.");

    public string VaultUri => Vault.VaultUri.ToString();

    /// <summary>A tenant id no other test uses.</summary>
    public static string NewTenantId() => "cli-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>The service's own tenant store and authenticator, reading the stand-in vault.</summary>
    public ServiceProvider ServicesReadingTheVault()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>("KeyVault:VaultUri", VaultUri)])
            .Build();
        return new ServiceCollection().AddTenants(configuration, _ => Vault.CreateSecretClient()).BuildServiceProvider();
    }

    public async Task InitializeAsync() => _vault = await KeyVaultStandIn.StartAsync();

    public async Task DisposeAsync()
    {
        if (_vault is not null)
        {
            await _vault.DisposeAsync();
        }
    }

    internal Task<CliRun> RunAsync(IReadOnlyDictionary<string, string?>? environmentVariables, params string[] args) =>
        RunWithInputAsync(string.Empty, environmentVariables, args);

    /// <summary>Runs the CLI with <paramref name="standardInput"/> as its standard input.</summary>
    internal async Task<CliRun> RunWithInputAsync(string standardInput, IReadOnlyDictionary<string, string?>? environmentVariables, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(standardInput);
        var environment = new CliEnvironment(
            output,
            error,
            vaultUri => vaultUri == Vault.VaultUri ? Vault.CreateSecretClient() : throw new InvalidOperationException("Unexpected vault."),
            name => environmentVariables is not null && environmentVariables.TryGetValue(name, out var value) ? value : null,
            input)
        {
            GetEnvironmentVariableNames = () => environmentVariables?.Keys ?? [],
        };

        var exitCode = await CliApplication.RunAsync(args, environment);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
