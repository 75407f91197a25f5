using System.Text.Json;
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

    [Fact]
    public async Task A_disabled_secret_is_Key_Vaults_403_Forbidden_with_inner_error_SecretDisabled_and_stays_listed()
    {
        var client = _vault.CreateSecretClient();
        _vault.SetSecret("tenant-acme", "x");
        _vault.SetEnabled("tenant-acme", enabled: false).ShouldBeTrue();

        var exception = await Should.ThrowAsync<RequestFailedException>(() => client.GetSecretAsync("tenant-acme"));

        exception.Status.ShouldBe(403);
        exception.ErrorCode.ShouldBe("Forbidden");
        exception.GetRawResponse()!.Content.ToString().ShouldBe(
            """{"error":{"code":"Forbidden","message":"Operation get is not allowed on a disabled secret.","innererror":{"code":"SecretDisabled"}}}""");
        var listed = await client.GetPropertiesOfSecretsAsync().ToListAsync();
        listed.ShouldHaveSingleItem().Enabled.ShouldBe(false);

        _vault.SetEnabled("tenant-acme", enabled: true).ShouldBeTrue();
        (await client.GetSecretAsync("tenant-acme")).Value.Value.ShouldBe("x");
        _vault.SetEnabled("tenant-nobody", enabled: false).ShouldBeFalse();
    }

    [Theory]
    [InlineData(KeyVaultFaultKind.Refuse, "AccessDenied", "does not have secrets get permission on key vault")]
    [InlineData(KeyVaultFaultKind.RefuseByRbac, "ForbiddenByRbac", "Caller is not authorized to perform action on resource.")]
    public async Task A_refused_identity_is_403_Forbidden_with_the_inner_error_of_its_permission_model(KeyVaultFaultKind kind, string innerCode, string message)
    {
        var client = _vault.CreateSecretClient();
        _vault.SetSecret("tenant-acme", "x");
        _vault.FailNext(new KeyVaultFault(kind));

        var exception = await Should.ThrowAsync<RequestFailedException>(() => client.GetSecretAsync("tenant-acme"));

        exception.Status.ShouldBe(403);
        exception.ErrorCode.ShouldBe("Forbidden");
        using var body = JsonDocument.Parse(exception.GetRawResponse()!.Content.ToString());
        var error = body.RootElement.GetProperty("error");
        error.EnumerateObject().Select(property => property.Name).ShouldBe(["code", "message", "innererror"]);
        error.GetProperty("code").GetString().ShouldBe("Forbidden");
        error.GetProperty("message").GetString()!.ShouldContain(message);
        error.GetProperty("innererror").GetProperty("code").GetString().ShouldBe(innerCode);
    }
}
