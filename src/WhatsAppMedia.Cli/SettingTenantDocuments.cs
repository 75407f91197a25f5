using System.Text.Encodings.Web;
using System.Text.Json;
using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.Cli;

/// <summary>
/// Tenant documents as <c>Tenants__{id}</c> settings, the local default without a vault. Reads the environment
/// variable; writing prints the setting for the operator to put into <c>local.settings.json</c> or the environment.
/// </summary>
internal sealed class SettingTenantDocuments(Func<string, string?> getEnvironmentVariable, TextWriter output) : ITenantDocumentLocation
{
    // Settings files are not HTML: quotes are written as \" rather than \u0022, so the line stays readable.
    private static readonly JsonSerializerOptions SettingValueOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string SettingName(string tenantId)
    {
        TenantIds.ThrowIfInvalid(tenantId);
        return "Tenants__" + tenantId;
    }

    public Task<string?> ReadAsync(string tenantId, CancellationToken cancellationToken)
    {
        var value = getEnvironmentVariable(SettingName(tenantId));
        return Task.FromResult(string.IsNullOrEmpty(value) ? null : value);
    }

    public async Task WriteAsync(string tenantId, string document, CancellationToken cancellationToken)
    {
        var name = SettingName(tenantId);
        await output.WriteLineAsync($"setting: {name}");
        await output.WriteLineAsync($"value: {document}");
        await output.WriteLineAsync($"local.settings.json: \"{name}\": {JsonSerializer.Serialize(document, SettingValueOptions)}");
    }
}
