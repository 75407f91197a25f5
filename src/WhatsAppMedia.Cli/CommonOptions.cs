using System.CommandLine;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.Cli;

/// <summary>The options every tenant command shares, and where they lead.</summary>
internal static class CommonOptions
{
    public static Option<string> TenantId() => Validated(
        new Option<string>("--id")
        {
            Description = "The tenant id: 1-63 lowercase letters, digits or inner hyphens (for example 'acme').",
            Required = true,
        },
        value => TenantIds.IsValid(value) ? null : "--id must be 1-63 lowercase letters, digits or inner hyphens, starting and ending with a letter or digit.");

    public static Option<string> Vault() => Validated(
        new Option<string>("--vault")
        {
            Description = "The Key Vault URI, for example https://my-vault.vault.azure.net/. Without it, the document is a Tenants__{id} setting: printed by add and rotate-key, read from the environment by rotate-key and show.",
        },
        value => IsVaultUri(value) ? null : "--vault must be an absolute https URI without credentials, query or fragment, for example https://my-vault.vault.azure.net/.");

    public static ITenantDocumentLocation Locate(string? vault, CliEnvironment environment) =>
        vault is null
            ? new SettingTenantDocuments(environment.GetEnvironmentVariable, environment.Output)
            : new VaultTenantDocuments(environment.CreateSecretClient(new Uri(vault)), environment.Output);

    /// <summary>Adds a check that turns a bad value into a parse error (exit code 2) with <paramref name="problem"/>'s message.</summary>
    public static Option<string> Validated(Option<string> option, Func<string, string?> problem)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && problem(value) is { } message)
            {
                result.AddError(message);
            }
        });
        return option;
    }

    private static bool IsVaultUri(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && EndpointPolicy.IsHttpsEndpoint(uri);
}
