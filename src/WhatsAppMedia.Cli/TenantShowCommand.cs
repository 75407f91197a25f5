using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Tenants;
using Fields = WhatsAppMedia.Core.Tenants.TenantDocumentFields;

namespace WhatsAppMedia.Cli;

/// <summary>
/// <c>tenant show</c>: the tenant as the service reads it, secrets replaced by <c>***</c> and the key hash cut to a
/// fingerprint. Identifiers that are not secrets (access key ids, regions, user ids) stay readable.
/// </summary>
internal static class TenantShowCommand
{
    private const string Redacted = "***";

    /// <summary>Hex characters of the key hash shown: enough to tell keys apart, too few to be the hash.</summary>
    private const int FingerprintLength = 12;

    private static readonly JsonSerializerOptions ShowOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliEnvironment environment) => StoredTenantCommand.Create(
        "show",
        "Show a tenant with its credentials redacted, from Key Vault (--vault) or the Tenants__{id} environment variable.",
        environment,
        async (tenantId, stored, _, _, _) =>
        {
            var result = TenantDocument.Parse(tenantId, stored, environment.Providers);
            if (!result.IsValid)
            {
                throw new CliException(ExitCodes.InvalidDocument, $"Tenant '{tenantId}' is unusable: {result.Error.Message}");
            }

            await environment.Output.WriteLineAsync(Describe(result.Tenant, environment.Providers));
            return ExitCodes.Ok;
        });

    /// <summary>
    /// The document the service would read for <paramref name="tenant"/> (written by the service's own serializer, so
    /// no field is forgotten), with the tenant id first and every secret field of the tenant's provider (<see cref="IProviderDefinition.CredentialFields"/>) redacted.
    /// </summary>
    public static string Describe(Tenant tenant, ProviderRegistry providers)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(providers);
        var document = JsonNode.Parse(TenantDocument.Serialize(tenant))!.AsObject();
        document[Fields.ApiKeySha256] = tenant.ApiKeySha256[..FingerprintLength] + "…";
        var credentials = document[Fields.Credentials]!.AsObject();
        providers.TryFind(tenant.Provider, out var provider);
        foreach (var field in provider?.CredentialFields.Where(field => field.IsSecret) ?? [])
        {
            if (credentials.ContainsKey(field.Name))
            {
                credentials[field.Name] = Redacted;
            }
        }

        var shown = new JsonObject { ["id"] = tenant.Id };
        foreach (var (name, value) in document.ToList())
        {
            document.Remove(name);
            shown[name] = value;
        }

        return shown.ToJsonString(ShowOptions);
    }
}
