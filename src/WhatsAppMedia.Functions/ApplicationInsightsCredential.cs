using Azure.Core;
using Azure.Identity;

namespace WhatsAppMedia.Functions;

/// <summary>
/// The credential the worker's telemetry exporter signs in with, read from <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c>,
/// the setting the Functions host itself reads for Microsoft Entra authentication to Application Insights:
/// <c>Authorization=AAD</c> (the system-assigned identity) or <c>Authorization=AAD;ClientId={client id}</c> (a
/// user-assigned one, as infra/app/api.bicep sets it). Pairs are separated by <c>;</c>, in any order, names case-insensitive.
/// </summary>
/// <remarks>
/// The exporter does not read that setting itself; it takes a <see cref="TokenCredential"/>
/// (<c>AzureMonitorExporterOptions.Credential</c>). Format: learn.microsoft.com/azure/azure-monitor/app/azure-ad-authentication
/// ("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", Azure Functions and App Service).
/// </remarks>
internal static class ApplicationInsightsCredential
{
    public const string SettingName = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>The managed identity <paramref name="authenticationString"/> names; null when it is unset (connection string only).</summary>
    /// <exception cref="InvalidOperationException">The value is present but not of the form above; the message names the setting, never the value.</exception>
    public static TokenCredential? From(string? authenticationString)
    {
        if (string.IsNullOrWhiteSpace(authenticationString))
        {
            return null;
        }

        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in authenticationString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var separator = part.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0 || !pairs.TryAdd(part[..separator].Trim(), part[(separator + 1)..].Trim()))
            {
                throw Invalid();
            }
        }

        if (!pairs.TryGetValue("Authorization", out var authorization) || !string.Equals(authorization, "AAD", StringComparison.OrdinalIgnoreCase)
            || pairs.Keys.Any(key => !key.Equals("Authorization", StringComparison.OrdinalIgnoreCase) && !key.Equals("ClientId", StringComparison.OrdinalIgnoreCase)))
        {
            throw Invalid();
        }

        if (!pairs.TryGetValue("ClientId", out var clientId))
        {
            return new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
        }

        return Guid.TryParse(clientId, out _) ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId)) : throw Invalid();
    }

    private static InvalidOperationException Invalid() =>
        new($"{SettingName} must be \"Authorization=AAD\" or \"Authorization=AAD;ClientId=<client id of a user-assigned identity>\".");
}
