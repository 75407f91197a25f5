using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppMedia.Core.Hosting;
using WhatsAppMedia.Core.Queues;
using WhatsAppMedia.Core.Tenants;
using WhatsAppMedia.Testing.KeyVault;

namespace WhatsAppMedia.Identity.Tests;

/// <summary>
/// The real Azure.Identity credential against a stand-in of App Service's managed-identity endpoint:
/// which identity the app asks a token for, and that the token reads a tenant from the Key Vault stand-in.
/// </summary>
[Collection(AppServiceIdentityCollection.Name)]
public class ServiceIdentityTests(AppServiceIdentityFixture fixture)
{
    private const string Document =
        """{"provider":"meta","apiKeySha256":"ca6f2e39b2ff141859b18bb5283aadd5093c8ede2869f3656231a054e54bfc22","credentials":{"accessToken":"EAASandboxMetaAccessToken0001"}}""";

    [Fact]
    public async Task Without_KeyVault_ClientId_the_vault_is_read_as_the_identity_AZURE_CLIENT_ID_names()
    {
        fixture.Vault.SetSecret("tenant-acme-uami", Document);
        var options = new KeyVaultOptions { VaultUri = fixture.Vault.VaultUri };

        var lookup = await ReadTenantAsync(options, "acme-uami");

        lookup.IsFound.ShouldBeTrue(lookup.ToString());
        lookup.Tenant.Id.ShouldBe("acme-uami");
        fixture.Identity.Requests.ShouldContain(new ManagedIdentityEndpointStandIn.TokenRequest(KeyVaultStandIn.Resource, AppServiceIdentityFixture.AppClientId));
        fixture.Identity.Requests.ShouldNotContain(request => request.ClientId == null, "the app has no system-assigned identity to ask for");
    }

    [Fact]
    public async Task An_explicit_KeyVault_ClientId_wins_over_AZURE_CLIENT_ID()
    {
        const string explicitClientId = "0f9e8d7c-6b5a-4433-8221-100ffeeddcc0";
        fixture.Vault.SetSecret("tenant-acme-explicit", Document);
        var options = new KeyVaultOptions { VaultUri = fixture.Vault.VaultUri, ClientId = explicitClientId };

        var lookup = await ReadTenantAsync(options, "acme-explicit");

        lookup.IsFound.ShouldBeTrue(lookup.ToString());
        fixture.Identity.Requests.ShouldContain(new ManagedIdentityEndpointStandIn.TokenRequest(KeyVaultStandIn.Resource, explicitClientId));
    }

    [Theory]
    [InlineData(null, AppServiceIdentityFixture.AppClientId)]
    [InlineData("0f9e8d7c-6b5a-4433-8221-100ffeeddcc1", "0f9e8d7c-6b5a-4433-8221-100ffeeddcc1")]
    public async Task Storage_identity_settings_ask_for_the_identity_the_vault_would(string? storageClientId, string expectedClientId)
    {
        // QueueServiceClientFactory takes the credential of AzureWebJobsStorage's identity settings from
        // Microsoft.Extensions.Azure, as the WebJobs queue extension does; it must follow the same rule as
        // ServiceIdentity: an explicit client id wins, otherwise AZURE_CLIENT_ID, never a system-assigned identity.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage:queueServiceUri"] = "https://account.queue.core.windows.net",
                ["AzureWebJobsStorage:clientId"] = storageClientId,
            })
            .Build();
        var services = new ServiceCollection();
        services.AddAzureClientsCore();
        await using var provider = services.BuildServiceProvider();
        var components = provider.GetRequiredService<AzureComponentFactory>();

        var credential = components.CreateTokenCredential(configuration.GetSection(QueueServiceClientFactory.DefaultConnectionName));
        var token = await credential.GetTokenAsync(new TokenRequestContext(["https://storage.azure.com/.default"]), CancellationToken.None);

        token.Token.ShouldBe(AppServiceIdentityFixture.StorageToken);
        fixture.Identity.Requests.ShouldContain(new ManagedIdentityEndpointStandIn.TokenRequest("https://storage.azure.com", expectedClientId));
        fixture.Identity.Requests.ShouldNotContain(request => request.ClientId == null, "the app has no system-assigned identity to ask for");
    }

    [Fact]
    public void Options_keep_Azure_Identitys_AZURE_CLIENT_ID_default_unless_a_client_id_is_given()
    {
        ServiceIdentity.CredentialOptions(null).ManagedIdentityClientId.ShouldBe(AppServiceIdentityFixture.AppClientId);
        ServiceIdentity.CredentialOptions(" ").ManagedIdentityClientId.ShouldBe(AppServiceIdentityFixture.AppClientId);
        ServiceIdentity.CredentialOptions("0f9e8d7c-6b5a-4433-8221-100ffeeddcc0").ManagedIdentityClientId.ShouldBe("0f9e8d7c-6b5a-4433-8221-100ffeeddcc0");

        // What the vault client did before: assigning null discards the default and means "system-assigned".
        new DefaultAzureCredentialOptions { ManagedIdentityClientId = null }.ManagedIdentityClientId.ShouldBeNull();
    }

    /// <summary>Reads a tenant the way the app does: the production client options and credential, through the tenant cache.</summary>
    private async Task<TenantLookup> ReadTenantAsync(KeyVaultOptions options, string tenantId)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["KeyVault:VaultUri"] = options.VaultUri!.ToString(),
                ["KeyVault:ClientId"] = options.ClientId,
            })
            .Build();
        var services = new ServiceCollection();
        services.AddTenants(configuration, vaultOptions => fixture.Vault.CreateSecretClient(
            KeyVaultClientFactory.CreateClientOptions(vaultOptions),
            ServiceIdentity.Credential(vaultOptions.ClientId)));
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<ITenantStore>();
        return await store.GetAsync(tenantId);
    }
}
