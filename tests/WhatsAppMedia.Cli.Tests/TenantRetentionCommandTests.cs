using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.Cli.Tests;

/// <summary><c>tenant retention</c> against the Key Vault stand-in: shows, sets and removes <c>retention.deleteAfter</c>, nothing else.</summary>
public sealed class TenantRetentionCommandTests(CliFixture cli) : IClassFixture<CliFixture>
{
    [Fact]
    public async Task Retention_is_shown_set_in_canonical_form_and_removed_and_the_service_reads_each()
    {
        var id = NewId();
        cli.Vault.SetSecret(TenantIds.SecretName(id), """{"provider":"meta","apiKeySha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","custom":"kept","credentials":{"accessToken":"S3CR3T"}}""");

        (await RunAsync("tenant", "retention", "--id", id, "--vault", cli.VaultUri)).Line("retention.deleteAfter").ShouldBe("none");

        var set = await RunAsync("tenant", "retention", "--id", id, "--delete-after", "P2W", "--vault", cli.VaultUri);
        set.ExitCode.ShouldBe(ExitCodes.Ok, set.Error);
        set.Line("retention.deleteAfter").ShouldBe("P14D");
        var stored = cli.Vault.GetSecret(TenantIds.SecretName(id))!;
        TenantDocument.Parse(id, stored).Tenant!.RetentionDeleteAfter.ShouldBe(TimeSpan.FromDays(14));
        stored.ShouldContain("\"custom\":\"kept\"");
        (await RunAsync("tenant", "show", "--id", id, "--vault", cli.VaultUri)).Output.ShouldContain("\"deleteAfter\": \"P14D\"");

        var removed = await RunAsync("tenant", "retention", "--id", id, "--delete-after", "none", "--vault", cli.VaultUri);
        removed.Line("retention.deleteAfter").ShouldBe("none");
        TenantDocument.Parse(id, cli.Vault.GetSecret(TenantIds.SecretName(id))!).Tenant!.RetentionDeleteAfter.ShouldBeNull();
    }

    [Theory]
    [InlineData("P1M", "years or months")]
    [InlineData("7d", "ISO 8601 duration")]
    [InlineData("P0D", "longer than zero")]
    public async Task A_bad_period_is_a_usage_error_and_changes_nothing(string period, string problem)
    {
        var id = NewId();
        const string Document = """{"provider":"meta","apiKeySha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","retention":{"deleteAfter":"P3D"},"credentials":{"accessToken":"t"}}""";
        cli.Vault.SetSecret(TenantIds.SecretName(id), Document);

        var run = await RunAsync("tenant", "retention", "--id", id, "--delete-after", period, "--vault", cli.VaultUri);

        run.ExitCode.ShouldBe(ExitCodes.Usage);
        run.Error.ShouldContain(problem);
        cli.Vault.GetSecret(TenantIds.SecretName(id)).ShouldBe(Document);
    }

    [Fact]
    public async Task An_unknown_tenant_is_exit_code_3()
    {
        (await RunAsync("tenant", "retention", "--id", NewId(), "--delete-after", "P7D", "--vault", cli.VaultUri)).ExitCode.ShouldBe(ExitCodes.TenantNotFound);
    }

    private static string NewId() => $"keep{Guid.NewGuid():N}"[..20];

    private Task<CliRun> RunAsync(params string[] args) => cli.RunAsync(null, args);
}
