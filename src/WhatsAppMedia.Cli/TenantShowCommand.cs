using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.Aws;
using WhatsAppMedia.Core.Providers.Meta;
using WhatsAppMedia.Core.Providers.NxCloud;
using WhatsAppMedia.Core.Providers.SmsGatewayCenter;
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

    public static Command Create(CliEnvironment environment)
    {
        var id = CommonOptions.TenantId();
        var vault = CommonOptions.Vault();
        var command = new Command(
            "show",
            "Show a tenant with its credentials redacted, from Key Vault (--vault) or the Tenants__{id} environment variable. " + ExitCodes.HelpText);
        command.Options.Add(id);
        command.Options.Add(vault);

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var tenantId = parseResult.GetValue(id)!;
            var location = CommonOptions.Locate(parseResult.GetValue(vault), environment);
            var stored = await location.ReadAsync(tenantId, cancellationToken)
                ?? throw new CliException(ExitCodes.TenantNotFound, $"Tenant '{tenantId}' does not exist.");
            var result = TenantDocument.Parse(tenantId, stored);
            if (!result.IsValid)
            {
                throw new CliException(ExitCodes.InvalidDocument, $"Tenant '{tenantId}' is unusable: {result.Error.Message}");
            }

            await environment.Output.WriteLineAsync(Describe(result.Tenant));
            return ExitCodes.Ok;
        });
        return command;
    }

    public static string Describe(Tenant tenant)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("id", tenant.Id);
            writer.WriteString(Fields.Provider, tenant.Provider.ToName());
            writer.WriteString(Fields.ApiKeySha256, tenant.ApiKeySha256[..FingerprintLength] + "…");
            if (tenant.Phone is not null)
            {
                writer.WriteString(Fields.Phone, tenant.Phone);
            }

            writer.WriteStartObject(Fields.Credentials);
            WriteCredentials(writer, tenant.Credentials);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteCredentials(Utf8JsonWriter writer, ProviderCredentials credentials)
    {
        switch (credentials)
        {
            case MetaCredentials meta:
                writer.WriteString(Fields.AccessToken, Redacted);
                WriteIfPresent(writer, Fields.GraphVersion, meta.GraphVersion);
                break;
            case AwsCredentials aws:
                writer.WriteString(Fields.AccessKeyId, aws.AccessKeyId);
                writer.WriteString(Fields.SecretAccessKey, Redacted);
                WriteIfPresent(writer, Fields.SessionToken, aws.SessionToken is null ? null : Redacted);
                writer.WriteString(Fields.Region, aws.Region);
                break;
            case NxCloudCredentials nxCloud:
                writer.WriteString(Fields.AccessKey, nxCloud.AccessKey);
                writer.WriteString(Fields.AccessSecret, Redacted);
                break;
            case SmsGatewayCenterCredentials smsGatewayCenter:
                WriteIfPresent(writer, Fields.ApiKey, smsGatewayCenter.ApiKey is null ? null : Redacted);
                WriteIfPresent(writer, Fields.UserId, smsGatewayCenter.UserId);
                WriteIfPresent(writer, Fields.Password, smsGatewayCenter.Password is null ? null : Redacted);
                break;
            default:
                throw new ArgumentException("Unknown credential type.", nameof(credentials));
        }
    }

    private static void WriteIfPresent(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
