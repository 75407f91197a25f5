using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Core.Tenants;

/// <summary>
/// Tenants from configuration (<c>Tenants__{tenantId}</c>, one JSON string each), used when no vault is configured.
/// Reading configuration is cheap and follows reloads, so nothing is cached except the parse of an unchanged value.
/// An empty value counts as "not configured".
/// </summary>
internal sealed partial class ConfigurationTenantStore(IConfiguration configuration, ILogger<ConfigurationTenantStore> logger, ProviderRegistry? providers = null) : ITenantStore
{
    private readonly ConcurrentDictionary<string, ParsedValue> _parsed = new(StringComparer.Ordinal);

    public ValueTask<TenantLookup> GetAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var key = TenantIds.ConfigurationKey(tenantId);
        var value = configuration[key];
        if (string.IsNullOrEmpty(value))
        {
            return ValueTask.FromResult(configuration.GetSection(key).GetChildren().Any()
                ? TenantLookup.Invalid(new TenantDocumentError(TenantDocumentError.WholeDocument, $"Setting '{key}' must be one JSON string value, not a section."), null)
                : TenantLookup.NotFound);
        }

        if (_parsed.TryGetValue(tenantId, out var parsed) && string.Equals(parsed.Value, value, StringComparison.Ordinal))
        {
            return ValueTask.FromResult(parsed.Lookup);
        }

        var lookup = TenantLookup.From(TenantDocument.Parse(tenantId, value, providers));
        if (!lookup.IsFound)
        {
            LogInvalidDocument(logger, tenantId, lookup.Error!.Field, lookup.Error.Message);
        }

        _parsed[tenantId] = new ParsedValue(value, lookup);
        return ValueTask.FromResult(lookup);
    }

    public void Invalidate(string tenantId)
    {
        TenantIds.ThrowIfInvalid(tenantId);
        _parsed.TryRemove(tenantId, out _);
    }

    /// <summary>Configuration is read for every id alike, so no lookup is ever refused.</summary>
    public TenantLookup? UncachedLookupRefusal() => null;

    [LoggerMessage(Level = LogLevel.Error, Message = "Tenant {TenantId} has an unusable document in configuration: field '{Field}'. {Problem}")]
    private static partial void LogInvalidDocument(ILogger logger, string tenantId, string field, string problem);

    private sealed record ParsedValue(string Value, TenantLookup Lookup);
}
