using Azure;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Core.Tenants;

/// <summary>Reads <c>tenant-{tenantId}</c> secrets with the real Key Vault client.</summary>
internal sealed class KeyVaultTenantSource(SecretClient client) : ITenantDocumentSource
{
    public async Task<TenantSourceRead> ReadAsync(string tenantId, CancellationToken cancellationToken)
    {
        var secretName = TenantIds.SecretName(tenantId);
        try
        {
            var response = await client.GetSecretAsync(secretName, version: null, cancellationToken);
            return TenantSourceRead.Found(response.Value.Value ?? string.Empty);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return TenantSourceRead.NotFound;
        }
        catch (RequestFailedException exception) when (exception.Status == 403)
        {
            // A disabled secret is an operator's choice about the tenant; any other 403 (access policy, RBAC, firewall)
            // is about the service's own access, so it names what an operator must grant, never a value.
            var inner = KeyVaultErrorBody.InnerErrorCode(exception);
            return inner == KeyVaultErrorBody.SecretDisabled
                ? TenantSourceRead.Disabled
                : TenantSourceRead.Refused(
                    $"Key Vault {client.VaultUri} refused the service's identity reading secret '{secretName}' (HTTP 403 {exception.ErrorCode ?? "no error code"}, inner error {inner ?? "none"})");
        }
        catch (RequestFailedException exception) when (exception.Status == 429)
        {
            return TenantSourceRead.Failed("Key Vault throttled the read (HTTP 429)", throttled: true, RetryAfterOf(exception));
        }
        catch (RequestFailedException exception) when (exception.Status == 0)
        {
            return TenantSourceRead.Failed("Key Vault could not be reached");
        }
        catch (RequestFailedException exception)
        {
            // The error code (for example "Forbidden") says enough; the message may quote the request.
            return TenantSourceRead.Failed($"Key Vault answered HTTP {exception.Status} ({exception.ErrorCode ?? "no error code"})");
        }
        catch (AuthenticationFailedException)
        {
            return TenantSourceRead.Failed("the service identity could not get a Key Vault token");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return TenantSourceRead.Failed("Key Vault did not answer in time");
        }
    }

    private static TimeSpan? RetryAfterOf(RequestFailedException exception) =>
        exception.GetRawResponse() is { } response && response.Headers.TryGetValue("Retry-After", out var seconds)
            ? RetryAfter.FromSeconds(seconds)
            : null;
}
