using Azure;
using Azure.Security.KeyVault.Secrets;
using WhatsAppMedia.Testing.KeyVault;

namespace WhatsAppMedia.Core.Tests.Tenants;

/// <summary>The stand-in behaves like Key Vault for the real client, or every other test here proves nothing.</summary>
public sealed class KeyVaultStandInTests : IAsyncLifetime
{
    private KeyVaultStandIn _vault = null!;

    public async Task InitializeAsync() => _vault = await KeyVaultStandIn.StartAsync();

    public async Task DisposeAsync() => await _vault.DisposeAsync();

    [Fact]
    public async Task The_real_client_sets_and_gets_a_secret_after_the_bearer_challenge()
    {
        var client = _vault.CreateSecretClient();

        await client.SetSecretAsync("tenant-acme", "{\"a\":1}");
        var secret = await client.GetSecretAsync("tenant-acme");

        secret.Value.Value.ShouldBe("{\"a\":1}");
        _vault.GetSecret("tenant-acme").ShouldBe("{\"a\":1}");
        _vault.Challenges.ShouldBe(1);
        _vault.Credential.TokensIssued.ShouldBe(1);
        _vault.ReadCount("tenant-acme").ShouldBe(1);
        _vault.WriteCount("tenant-acme").ShouldBe(1);
    }

    [Fact]
    public async Task A_missing_secret_is_Key_Vaults_404_SecretNotFound()
    {
        var exception = await Should.ThrowAsync<RequestFailedException>(() => _vault.CreateSecretClient().GetSecretAsync("tenant-nobody"));

        exception.Status.ShouldBe(404);
        exception.ErrorCode.ShouldBe("SecretNotFound");
    }

    [Fact]
    public async Task A_client_that_does_not_trust_the_certificate_cannot_connect()
    {
        var client = new SecretClient(_vault.VaultUri, _vault.Credential, new SecretClientOptions { Retry = { MaxRetries = 0 } });

        var exception = await Should.ThrowAsync<RequestFailedException>(() => client.GetSecretAsync("tenant-acme"));

        exception.Status.ShouldBe(0);
        _vault.TotalReads.ShouldBe(0);
    }

    [Fact]
    public async Task Faults_answer_like_the_service()
    {
        var client = _vault.CreateSecretClient();
        _vault.SetSecret("tenant-acme", "x");
        _vault.FailNext(KeyVaultFault.Throttle(TimeSpan.FromSeconds(7)));
        _vault.FailNext(KeyVaultFault.ServerError);
        _vault.FailNext(KeyVaultFault.Refuse);
        _vault.FailNext(KeyVaultFault.Outage);

        var throttled = await Should.ThrowAsync<RequestFailedException>(() => client.GetSecretAsync("tenant-acme"));
        throttled.Status.ShouldBe(429);
        throttled.GetRawResponse()!.Headers.TryGetValue("Retry-After", out var retryAfter).ShouldBeTrue();
        retryAfter.ShouldBe("7");
        (await Should.ThrowAsync<RequestFailedException>(() => client.GetSecretAsync("tenant-acme"))).Status.ShouldBe(500);
        (await Should.ThrowAsync<RequestFailedException>(() => client.GetSecretAsync("tenant-acme"))).Status.ShouldBe(403);
        (await Should.ThrowAsync<RequestFailedException>(() => client.GetSecretAsync("tenant-acme"))).Status.ShouldBe(0);
        (await client.GetSecretAsync("tenant-acme")).Value.Value.ShouldBe("x");
        _vault.ReadCount("tenant-acme").ShouldBe(5);
    }
}
