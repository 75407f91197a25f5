using WhatsAppMedia.Testing.KeyVault;

namespace WhatsAppMedia.Identity.Tests;

/// <summary>
/// The process as App Service and Azure Functions set it up for an app with a user-assigned identity: the
/// managed-identity endpoint (<c>IDENTITY_ENDPOINT</c>, <c>IDENTITY_HEADER</c>) and <c>AZURE_CLIENT_ID</c>, which the
/// infrastructure sets to the identity's client id (infra/app/api.bicep); plus the Key Vault stand-in, which accepts
/// the tokens the endpoint hands out. Set once for the whole process: Azure.Identity reads these variables itself.
/// </summary>
public sealed class AppServiceIdentityFixture : IAsyncLifetime
{
    /// <summary>The client id the infrastructure passes as <c>AZURE_CLIENT_ID</c>.</summary>
    public const string AppClientId = "7d1e3c2a-5b4f-4e6d-9a8b-0c1d2e3f4a5b";

    /// <summary>A storage token: the Key Vault stand-in only issues vault tokens, and storage is never called here.</summary>
    public const string StorageToken = "storage-token-from-the-identity-endpoint";

    /// <summary>Variables that would select another identity source or credential, cleared so only App Service's applies.</summary>
    private static readonly string[] OtherIdentityVariables =
    [
        "AZURE_TENANT_ID", "AZURE_CLIENT_SECRET", "AZURE_CLIENT_CERTIFICATE_PATH", "AZURE_USERNAME", "AZURE_FEDERATED_TOKEN_FILE",
        "AZURE_TOKEN_CREDENTIALS", "MSI_ENDPOINT", "MSI_SECRET", "IMDS_ENDPOINT", "IDENTITY_SERVER_THUMBPRINT", "AZURE_POD_IDENTITY_AUTHORITY_HOST",
    ];

    public KeyVaultStandIn Vault { get; private set; } = null!;

    public ManagedIdentityEndpointStandIn Identity { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Vault = await KeyVaultStandIn.StartAsync();
        Identity = await ManagedIdentityEndpointStandIn.StartAsync(scope =>
            scope == KeyVaultStandIn.Resource + "/.default" ? ManagedIdentityEndpointStandIn.TokenOf(Vault.Credential, scope) : StorageToken);
        foreach (var name in OtherIdentityVariables)
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", Identity.Endpoint.ToString());
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", Identity.Secret);
        Environment.SetEnvironmentVariable("AZURE_CLIENT_ID", AppClientId);
    }

    public async Task DisposeAsync()
    {
        await Identity.DisposeAsync();
        await Vault.DisposeAsync();
    }
}

/// <summary>Every test of this assembly shares the one process environment, so they share one fixture and run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AppServiceIdentityCollection : ICollectionFixture<AppServiceIdentityFixture>
{
    public const string Name = "app service identity";
}
