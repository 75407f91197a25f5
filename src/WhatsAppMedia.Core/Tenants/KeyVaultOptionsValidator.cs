using Microsoft.Extensions.Options;
using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Core.Tenants;

/// <summary>Refuses tenant store settings at registration rather than at the first request.</summary>
internal sealed class KeyVaultOptionsValidator : IValidateOptions<KeyVaultOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyVaultOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.VaultUri is { } vaultUri && !EndpointPolicy.IsHttpsEndpoint(vaultUri))
        {
            failures.Add("KeyVault:VaultUri must be an absolute https URL without credentials, query or fragment.");
        }

        CheckRange(failures, "KeyVault:CacheTtl", options.CacheTtl, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        CheckRange(failures, "KeyVault:MaxStaleness", options.MaxStaleness, TimeSpan.Zero, TimeSpan.FromDays(7));
        CheckRange(failures, "KeyVault:NegativeCacheTtl", options.NegativeCacheTtl, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        CheckRange(failures, "KeyVault:FailureBackoff", options.FailureBackoff, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        CheckRange(failures, "KeyVault:ReadTimeout", options.ReadTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(2));
        CheckRange(failures, "KeyVault:NetworkTimeout", options.NetworkTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(2));

        if (options.ColdReadConcurrency is < 1 or > 64)
        {
            failures.Add("KeyVault:ColdReadConcurrency must be between 1 and 64.");
        }

        if (!double.IsFinite(options.ColdReadsPerSecond) || options.ColdReadsPerSecond is <= 0 or > 1000)
        {
            failures.Add("KeyVault:ColdReadsPerSecond must be more than 0 and at most 1000.");
        }

        if (options.ColdReadBurst is < 1 or > 10_000)
        {
            failures.Add("KeyVault:ColdReadBurst must be between 1 and 10000.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add("KeyVault:MaxRetries must be between 0 and 10.");
        }

        if (options.ClientId is { } clientId && !Guid.TryParse(clientId, out _))
        {
            failures.Add("KeyVault:ClientId must be a GUID (the client id of a user-assigned managed identity).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckRange(List<string> failures, string key, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{key} must be between {min:c} and {max:c}.");
        }
    }
}
