using Azure;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.Cli;

/// <summary>Tenant documents as Key Vault secrets <c>tenant-{id}</c>, the same ones the service reads.</summary>
internal sealed class VaultTenantDocuments(SecretClient client, TextWriter output) : ITenantDocumentLocation
{
    private const string JsonContentType = "application/json";

    public async Task<string?> ReadAsync(string tenantId, CancellationToken cancellationToken)
    {
        try
        {
            var secret = await client.GetSecretAsync(TenantIds.SecretName(tenantId), version: null, cancellationToken);
            return secret.Value.Value;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
        catch (Exception exception) when (exception is RequestFailedException or AuthenticationFailedException)
        {
            throw Failure(client, "read", exception);
        }
    }

    public async Task WriteAsync(string tenantId, string document, CancellationToken cancellationToken)
    {
        var secret = new KeyVaultSecret(TenantIds.SecretName(tenantId), document) { Properties = { ContentType = JsonContentType } };
        try
        {
            await client.SetSecretAsync(secret, cancellationToken);
        }
        catch (Exception exception) when (exception is RequestFailedException or AuthenticationFailedException)
        {
            throw Failure(client, "write", exception);
        }

        await output.WriteLineAsync($"vault: {client.VaultUri}");
        await output.WriteLineAsync($"secret: {secret.Name}");
    }

    /// <summary>A vault failure as the CLI reports it: the reason, never a secret; exit code <see cref="ExitCodes.VaultError"/>.</summary>
    public static CliException Failure(SecretClient client, string operation, Exception exception)
    {
        var reason = exception switch
        {
            AuthenticationFailedException => "no Azure identity could get a Key Vault token (sign in with 'az login', or check the managed identity)",
            RequestFailedException { Status: 0 } => "the vault could not be reached",
            RequestFailedException { Status: 403 } failed => $"the identity is not allowed to {operation} secrets (HTTP 403, {failed.ErrorCode})",
            RequestFailedException { Status: 429 } => "the vault is throttling requests (HTTP 429); try again shortly",
            RequestFailedException failed => $"the vault answered HTTP {failed.Status} ({failed.ErrorCode ?? "no error code"})",
            _ => exception.GetType().Name,
        };
        return new CliException(ExitCodes.VaultError, $"Could not {operation} the tenant in Key Vault {client.VaultUri}: {reason}.");
    }
}
