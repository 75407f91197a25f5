using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WhatsAppMedia.Core.Receipts;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>
/// The signing key as a Key Vault secret, as in Azure (docs/receipts.md, "The signing key"): a host with a vault reads
/// it through the real SecretClient from the Key Vault stand-in, serves its public half, and signs with it; without
/// the secret the key endpoint answers 404 and nothing is signed.
/// </summary>
public sealed class LocalHostKeyVaultSigningKeyTests(KeyVaultHostFixture host) : IClassFixture<KeyVaultHostFixture>
{
    [Fact]
    public async Task The_vaults_secret_signs_the_digests_and_its_absence_is_a_404()
    {
        host.Vault.DeleteSecret(ReceiptOptions.DefaultSigningKeySecretName);
        using (var absent = await host.Http.GetAsync("/api/receipts/signing-key"))
        {
            (await IntegratorCalls.ShouldBeProblemAsync(absent, HttpStatusCode.NotFound, "not_found")).GetProperty("detail").GetString()!.ShouldContain("no receipt signing key");
        }

        using var key = ReceiptSigningKey.Create();
        host.Vault.SetSecret(ReceiptOptions.DefaultSigningKeySecretName, key.ToPem());
        using var answer = await host.Http.GetAsync("/api/receipts/signing-key");
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("keyId").GetString().ShouldBe(key.KeyId);

        var tenant = host.StoreMetaTenant($"kvsign-{Guid.NewGuid():N}"[..20]);
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/tenants/{tenant}/media/{host.Sandbox.CreateMedia(ProviderKind.Meta)}");
        delete.Headers.Add("X-Api-Key", LocalHost.DemoApiKey);
        using (var deleted = await host.Http.SendAsync(delete))
        {
            deleted.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await host.Service<ReceiptDigestJob>().RunAsync();

        var lines = await ReceiptExportReader.ReadAllAsync(host.Http, tenant, pageSize: 100);
        ReceiptVerifier.Verify(lines, signingKey: key.PublicKey).ShouldBe(new ReceiptVerification(1, null, null, 1, 1, true));
    }
}
