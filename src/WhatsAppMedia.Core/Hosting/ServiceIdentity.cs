using Azure.Core;
using Azure.Identity;

namespace WhatsAppMedia.Core.Hosting;

/// <summary>
/// The app's own Azure identity for the Key Vault client. The storage clients take theirs from Microsoft.Extensions.Azure
/// (<c>AzureComponentFactory.CreateTokenCredential</c> over <c>AzureWebJobsStorage</c>, as the WebJobs queue extension
/// does), which follows the same rule; WhatsAppMedia.Identity.Tests runs both against one managed-identity endpoint, so
/// the two cannot come to disagree about who the app is.
/// </summary>
/// <remarks>
/// In Azure the app runs as a user-assigned managed identity whose client id the infrastructure passes as
/// <c>AZURE_CLIENT_ID</c>. <see cref="DefaultAzureCredentialOptions.ManagedIdentityClientId"/> defaults to that variable
/// (Azure.Identity, <c>DefaultAzureCredentialOptions.cs</c>: <c>ManagedIdentityClientId { get; set; } =
/// EnvironmentVariables.ClientId</c>), and assigning it, even null, replaces the default: a null there asks for a
/// system-assigned identity the app does not have. So an explicit client id is assigned only when there is one.
/// </remarks>
internal static class ServiceIdentity
{
    /// <summary>
    /// Options for <see cref="DefaultAzureCredential"/>: <paramref name="managedIdentityClientId"/> when given (an explicit
    /// setting such as <c>KeyVault__ClientId</c> wins), otherwise Azure.Identity's own default, <c>AZURE_CLIENT_ID</c>.
    /// </summary>
    public static DefaultAzureCredentialOptions CredentialOptions(string? managedIdentityClientId)
    {
        var options = new DefaultAzureCredentialOptions();
        if (!string.IsNullOrWhiteSpace(managedIdentityClientId))
        {
            options.ManagedIdentityClientId = managedIdentityClientId;
        }

        return options;
    }

    /// <summary>The credential of <see cref="CredentialOptions"/>.</summary>
    public static TokenCredential Credential(string? managedIdentityClientId) =>
        new DefaultAzureCredential(CredentialOptions(managedIdentityClientId));
}
