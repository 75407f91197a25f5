using System.Net;
using System.Security.Cryptography;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Tenants;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>
/// A disabled tenant secret (Key Vault's 403 with inner error <c>SecretDisabled</c>) through the local host's real port
/// and queue (README.md, "Try it"): the unknown tenant's 401, and <c>-failed</c> as <c>tenant_disabled</c>, never <c>-poison</c>.
/// </summary>
public sealed class LocalHostKeyVaultDisabledSecretTests : IClassFixture<KeyVaultHostFixture>
{
    private readonly KeyVaultHostFixture _host;
    private readonly IntegratorCalls _calls;

    public LocalHostKeyVaultDisabledSecretTests(KeyVaultHostFixture host)
    {
        _host = host;
        _calls = new IntegratorCalls(host);
        host.Vault.ClearFaults();
    }

    [Fact]
    public async Task A_tenant_in_the_vault_is_served_from_it()
    {
        var tenant = _host.StoreMetaTenant(NewId());
        var mediaId = _host.Sandbox.CreateMedia(ProviderKind.Meta);

        using var response = await _calls.DeleteAsync(tenant, mediaId);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        _host.Vault.ReadCount(TenantIds.SecretName(tenant)).ShouldBe(1);
    }

    [Fact]
    public async Task A_disabled_secret_answers_the_same_401_as_an_unknown_tenant_even_with_the_right_key()
    {
        var disabled = _host.StoreMetaTenant(NewId());
        _host.Vault.SetEnabled(TenantIds.SecretName(disabled), enabled: false);
        var mediaId = _host.Sandbox.CreateMedia(ProviderKind.Meta);

        using var forDisabled = await _calls.DeleteAsync(disabled, mediaId);
        using var forUnknown = await _calls.DeleteAsync(NewId(), mediaId);

        var problem = await IntegratorCalls.ShouldBeProblemAsync(forDisabled, HttpStatusCode.Unauthorized, "unauthorized");
        var unknown = await IntegratorCalls.ShouldBeProblemAsync(forUnknown, HttpStatusCode.Unauthorized, "unauthorized");
        problem.GetProperty("detail").GetString().ShouldBe(unknown.GetProperty("detail").GetString());
        forDisabled.Headers.RetryAfter.ShouldBeNull();
        _host.Vault.ReadCount(TenantIds.SecretName(disabled)).ShouldBe(1);
        _host.Sandbox.State(ProviderKind.Meta).HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task A_queued_deletion_for_a_disabled_secret_lands_in_failed_as_tenant_disabled_not_in_poison()
    {
        var disabled = _host.StoreMetaTenant(NewId());
        _host.Vault.SetEnabled(TenantIds.SecretName(disabled), enabled: false);
        var mediaId = _host.Sandbox.CreateMedia(ProviderKind.Meta);

        await _calls.ProcessAsync(new DeletionMessage(disabled, mediaId));

        var entry = (await _calls.FailedEntryForAsync(mediaId)).ShouldNotBeNull();
        entry.Code.ShouldBe("tenant_disabled");
        await ShouldNotBePoisonedAsync(mediaId);
        _host.Vault.ReadCount(TenantIds.SecretName(disabled)).ShouldBe(1);
        _host.Sandbox.State(ProviderKind.Meta).HasMedia(mediaId).ShouldBeTrue();
    }

    private async Task ShouldNotBePoisonedAsync(string mediaId) =>
        (await _host.QueueNamed(_host.Queue + "-poison").PeekAsync(32)).ShouldAllBe(message => message.Text == null || !message.Text.Contains(mediaId));

    private static string NewId() => "kv" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
