using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppMedia.Core.Receipts;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>
/// Signed digests through the local host's real port and Azurite (docs/receipts.md, "Signed digests"): the key file made
/// on first start and kept across restarts, the anonymous public key, the digest job's signature in the export, and
/// <c>verify</c> with that key.
/// </summary>
public sealed class LocalHostReceiptSigningTests(LocalEnvironment environment) : IClassFixture<LocalEnvironment>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("host-signing-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task The_host_signs_the_chain_head_with_its_key_file_and_the_export_verifies_with_the_served_key_across_a_restart()
    {
        var keyFile = Path.Combine(_directory, "receipt-signing-key.pem");
        var tenant = $"sign-{Guid.NewGuid():N}"[..20];
        string[] overrides = [IntegratorTenantsFixture.OwnMetaTenant(tenant), $"--Receipts:SigningKeyFile={keyFile}"];
        string keyId;
        await using (var host = await environment.StartHostAsync($"sign-{Guid.NewGuid():N}"[..24], overrides))
        {
            var served = await SigningKeyAsync(host);
            keyId = served.KeyId;
            File.Exists(keyFile).ShouldBeTrue("created on first start");
            await DeleteAsync(host, tenant);
            await DeleteAsync(host, tenant);

            (await host.Services.GetRequiredService<ReceiptDigestJob>().RunAsync()).ShouldBeGreaterThanOrEqualTo(1);

            var lines = await ReceiptExportReader.ReadAllAsync(host.Http, tenant, pageSize: 1);
            lines.Count.ShouldBe(3, "two receipts and the digest of the second");
            ReceiptVerifier.Verify(lines, signingKey: served).ShouldBe(new ReceiptVerification(2, null, null, 1, 2, true));
            var forged = lines.ToList();
            forged[2] = forged[2].Replace("\"seq\":2", "\"seq\":3", StringComparison.Ordinal);
            ReceiptVerifier.Verify(forged, signingKey: served).FailedLine.ShouldBe(3);
        }

        await using (var restarted = await environment.StartHostAsync($"sign-{Guid.NewGuid():N}"[..24], overrides))
        {
            (await SigningKeyAsync(restarted)).KeyId.ShouldBe(keyId, "the key file is kept, so earlier digests still verify");
        }
    }

    private static async Task<ReceiptPublicKey> SigningKeyAsync(LocalHost host)
    {
        // Anonymous: no X-Api-Key.
        using var answer = await host.Http.GetAsync("/api/receipts/signing-key");
        answer.StatusCode.ShouldBe(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
        var body = await answer.Content.ReadFromJsonAsync<JsonElement>();
        (body.GetProperty("algorithm").GetString(), body.GetProperty("jwk").GetProperty("crv").GetString()).ShouldBe(("ES256", "P-256"));
        return ReceiptPublicKey.Parse(body.GetRawText());
    }

    private async Task DeleteAsync(LocalHost host, string tenant)
    {
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/tenants/{tenant}/media/{environment.Sandbox.CreateMedia(ProviderKind.Meta)}");
        delete.Headers.Add("X-Api-Key", LocalHost.DemoApiKey);
        using var deleted = await host.Http.SendAsync(delete);
        deleted.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
