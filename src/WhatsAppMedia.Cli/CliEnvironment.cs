using Azure.Security.KeyVault.Secrets;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.Cli;

/// <summary>What the CLI touches outside itself, so tests can give it a stand-in vault and capture its output.</summary>
/// <param name="Output">Standard output: results, one <c>name: value</c> per line.</param>
/// <param name="Error">Standard error: errors, warnings and hints.</param>
/// <param name="CreateSecretClient">Builds the Key Vault client for <c>--vault</c>.</param>
/// <param name="GetEnvironmentVariable">Reads <c>Tenants__{id}</c> when no vault is given, and secrets such as <c>WHATSAPP_MEDIA_ACCESS_TOKEN</c>.</param>
/// <param name="Input">Standard input: secrets for <c>--secrets-from-stdin</c>.</param>
public sealed record CliEnvironment(
    TextWriter Output,
    TextWriter Error,
    Func<Uri, SecretClient> CreateSecretClient,
    Func<string, string?> GetEnvironmentVariable,
    TextReader Input)
{
    /// <summary>The names of the environment variables, for <c>tenant list</c> without a vault (<c>Tenants__{id}</c>).</summary>
    public Func<IEnumerable<string>> GetEnvironmentVariableNames { get; init; } =
        () => Environment.GetEnvironmentVariables().Keys.Cast<string>().ToList();

    /// <summary>The providers <c>tenant add</c> offers and tenant documents may name. Default <see cref="ProviderRegistry.BuiltIn"/>.</summary>
    public ProviderRegistry Providers { get; init; } = ProviderRegistry.BuiltIn;

    /// <summary>The real process: console streams, the environment, and Key Vault with <c>DefaultAzureCredential</c> (for example <c>az login</c>).</summary>
    public static CliEnvironment FromProcess() => new(
        Console.Out,
        Console.Error,
        KeyVaultClientFactory.Create,
        Environment.GetEnvironmentVariable,
        Console.In);
}
