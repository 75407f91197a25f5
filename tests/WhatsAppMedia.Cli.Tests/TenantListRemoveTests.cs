using WhatsAppMedia.Core.Tenants;
using WhatsAppMedia.Testing.KeyVault;

namespace WhatsAppMedia.Cli.Tests;

/// <summary><c>tenant list</c> and <c>tenant remove</c> against the Key Vault stand-in and the Tenants__{id} settings.</summary>
public sealed class TenantListRemoveTests(CliFixture fixture) : IClassFixture<CliFixture>
{
    private const string Token = "EAAListTokenMustNeverShow";

    [Fact]
    public async Task List_shows_ids_and_providers_from_the_vault_and_never_a_secret()
    {
        var id = CliFixture.NewTenantId();
        var broken = CliFixture.NewTenantId();
        fixture.Vault.SetSecret(TenantIds.SecretName(id), Document());
        fixture.Vault.SetSecret(TenantIds.SecretName(broken), """{"provider":"meta"}""");
        fixture.Vault.SetSecret("not-a-tenant", "x");

        var run = await fixture.RunAsync(null, "tenant", "list", "--vault", fixture.VaultUri);

        run.ExitCode.ShouldBe(ExitCodes.Ok, run.Error);
        run.Output.ShouldContain($"{id}: meta");
        run.Output.ShouldContain($"{broken}: unusable (");
        run.Output.ShouldNotContain("not-a-tenant");
        run.Output.ShouldNotContain(Token);
        run.Output.ShouldNotContain(ApiKeyHash.Compute("k"));
    }

    [Fact]
    public async Task List_without_a_vault_reads_the_Tenants_settings()
    {
        var run = await fixture.RunAsync(new Dictionary<string, string?> { ["Tenants__acme"] = Document(), ["Other"] = "x" }, "tenant", "list");

        run.ExitCode.ShouldBe(ExitCodes.Ok);
        run.Output.ShouldBe($"acme: meta{Environment.NewLine}");
    }

    [Fact]
    public async Task Remove_soft_deletes_the_secret_and_an_unknown_tenant_is_exit_code_3()
    {
        var id = CliFixture.NewTenantId();
        fixture.Vault.SetSecret(TenantIds.SecretName(id), Document());

        var removed = await fixture.RunAsync(null, "tenant", "remove", "--id", id, "--vault", fixture.VaultUri);
        var again = await fixture.RunAsync(null, "tenant", "remove", "--id", id, "--vault", fixture.VaultUri);

        removed.ExitCode.ShouldBe(ExitCodes.Ok, removed.Error);
        removed.Output.ShouldContain($"removed: tenant-{id}");
        fixture.Vault.GetSecret(TenantIds.SecretName(id)).ShouldBeNull();
        fixture.Vault.IsSoftDeleted(TenantIds.SecretName(id)).ShouldBeTrue("recoverable, not purged");
        again.ExitCode.ShouldBe(ExitCodes.TenantNotFound);
    }

    [Fact]
    public async Task Remove_without_a_vault_is_a_usage_error_and_a_vault_failure_is_exit_code_4()
    {
        var noVault = await fixture.RunAsync(null, "tenant", "remove", "--id", "acme");
        fixture.Vault.FailNext(KeyVaultFault.Refuse);
        var refused = await fixture.RunAsync(null, "tenant", "remove", "--id", CliFixture.NewTenantId(), "--vault", fixture.VaultUri);
        var badId = await fixture.RunAsync(null, "tenant", "remove", "--id", "Bad Id", "--vault", fixture.VaultUri);

        noVault.ExitCode.ShouldBe(ExitCodes.Usage);
        noVault.Error.ShouldContain("--vault");
        refused.ExitCode.ShouldBe(ExitCodes.VaultError);
        badId.ExitCode.ShouldBe(ExitCodes.Usage);
    }

    private static string Document() =>
        $$$"""{"provider":"meta","apiKeySha256":"{{{ApiKeyHash.Compute("k")}}}","phone":"106540352242922","credentials":{"accessToken":"{{{Token}}}"}}""";
}
