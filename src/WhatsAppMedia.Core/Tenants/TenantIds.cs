using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace WhatsAppMedia.Core.Tenants;

/// <summary>
/// The tenant id format of docs/formats.md, "Tenant document". An id becomes part of a Key Vault secret name and a configuration key, so
/// nothing is looked up for an id that fails <see cref="IsValid"/>.
/// </summary>
public static partial class TenantIds
{
    /// <summary>The contract's pattern: 1–63 lowercase letters, digits and inner hyphens.</summary>
    public const string Pattern = "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$";

    /// <summary>The prefix of a tenant's Key Vault secret name (<c>tenant-{tenantId}</c>).</summary>
    public const string SecretNamePrefix = "tenant-";

    public static bool IsValid([NotNullWhen(true)] string? tenantId) => tenantId is not null && TenantIdPattern().IsMatch(tenantId);

    /// <summary>The Key Vault secret that holds the tenant's document.</summary>
    /// <exception cref="ArgumentException">The id does not match <see cref="Pattern"/>.</exception>
    public static string SecretName(string tenantId)
    {
        ThrowIfInvalid(tenantId);
        return SecretNamePrefix + tenantId;
    }

    /// <summary>The configuration key that holds the tenant's document when no vault is configured (<c>Tenants__{tenantId}</c>).</summary>
    /// <exception cref="ArgumentException">The id does not match <see cref="Pattern"/>.</exception>
    public static string ConfigurationKey(string tenantId)
    {
        ThrowIfInvalid(tenantId);
        return "Tenants:" + tenantId;
    }

    /// <exception cref="ArgumentException">The id does not match <see cref="Pattern"/>; the message does not repeat it.</exception>
    public static void ThrowIfInvalid([NotNull] string? tenantId)
    {
        if (!IsValid(tenantId))
        {
            throw new ArgumentException("The tenant id must be 1-63 lowercase letters, digits or inner hyphens.", nameof(tenantId));
        }
    }

    // \z rather than $: '$' also matches before a trailing newline, which would let "acme\n" through.
    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex TenantIdPattern();
}
