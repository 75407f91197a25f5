using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Tenants;
using WhatsAppMedia.Sandbox;
using WhatsAppMedia.Testing.KeyVault;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>
/// A vault that refuses the service's identity (access policy or RBAC) through the local host's real port and queue
/// (README.md, "Try it"): 500 <c>tenant_misconfigured</c> without <c>Retry-After</c>, an error log naming vault and
/// secret, and <c>-failed</c>, never <c>-poison</c>. A class (and host) of its own: while the vault refuses, every
/// failed authentication answers 500, which would change the disabled-secret tests' 401.
/// </summary>
public sealed class LocalHostKeyVaultRefusalTests : IClassFixture<KeyVaultHostFixture>
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);
    private readonly KeyVaultHostFixture _host;
    private readonly IntegratorCalls _calls;

    public LocalHostKeyVaultRefusalTests(KeyVaultHostFixture host)
    {
        _host = host;
        _calls = new IntegratorCalls(host);
        host.Vault.ClearFaults();
    }

    public static TheoryData<KeyVaultFaultKind, string> Refusals => new()
    {
        { KeyVaultFaultKind.Refuse, "AccessDenied" },
        { KeyVaultFaultKind.RefuseByRbac, "ForbiddenByRbac" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_identity_answers_500_tenant_misconfigured_without_Retry_After_and_logs_vault_and_secret(KeyVaultFaultKind kind, string innerCode)
    {
        var tenant = _host.StoreMetaTenant(NewId());
        var secretName = TenantIds.SecretName(tenant);
        var mediaId = _host.Sandbox.CreateMedia(ProviderKind.Meta);
        _host.Vault.FailNext(new KeyVaultFault(kind));

        using var response = await _calls.DeleteAsync(tenant, mediaId);

        var problem = await IntegratorCalls.ShouldBeProblemAsync(response, HttpStatusCode.InternalServerError, "tenant_misconfigured");
        response.Headers.RetryAfter.ShouldBeNull();
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldNotContain(_host.Vault.VaultUri.Authority);
        body.ShouldNotContain(secretName);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        var logged = await _host.Logs.WaitForAsync(entry => entry.Level == LogLevel.Error && entry.Message.Contains(secretName, StringComparison.Ordinal)).WaitAsync(Guard);
        logged.Message.ShouldContain(_host.Vault.VaultUri.AbsoluteUri);
        logged.Message.ShouldContain(innerCode);

        // The production client does not retry a 403: one read.
        _host.Vault.ReadCount(secretName).ShouldBe(1);
        _host.Sandbox.State(ProviderKind.Meta).HasMedia(mediaId).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_queued_deletion_the_vault_refuses_lands_in_failed_as_tenant_misconfigured_not_in_poison(KeyVaultFaultKind kind, string innerCode)
    {
        var tenant = _host.StoreMetaTenant(NewId());
        var mediaId = _host.Sandbox.CreateMedia(ProviderKind.Meta);
        _host.Vault.FailNext(new KeyVaultFault(kind));

        await _calls.ProcessAsync(new DeletionMessage(tenant, mediaId));

        var entry = (await _calls.FailedEntryForAsync(mediaId)).ShouldNotBeNull();
        entry.Code.ShouldBe("tenant_misconfigured");
        entry.Detail.ShouldNotContain(_host.Vault.VaultUri.Authority);
        entry.Detail.ShouldNotContain(innerCode);
        await ShouldNotBePoisonedAsync(mediaId);
        _host.Vault.ReadCount(TenantIds.SecretName(tenant)).ShouldBe(1);
        _host.Sandbox.State(ProviderKind.Meta).HasMedia(mediaId).ShouldBeTrue();
    }

    private async Task ShouldNotBePoisonedAsync(string mediaId) =>
        (await _host.QueueNamed(_host.Queue + "-poison").PeekAsync(32)).ShouldAllBe(message => message.Text == null || !message.Text.Contains(mediaId));

    private static string NewId() => "kv" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
