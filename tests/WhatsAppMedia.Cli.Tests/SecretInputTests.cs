using Microsoft.Extensions.DependencyInjection;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.Aws;
using WhatsAppMedia.Core.Providers.Meta;
using WhatsAppMedia.Core.Providers.SmsGatewayCenter;
using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.Cli.Tests;

/// <summary>
/// <c>tenant add</c> takes secrets from <c>WHATSAPP_MEDIA_*</c> environment variables and from
/// <c>--secrets-from-stdin</c>, so they stay out of shell history and the process list; bad input is exit code 2.
/// </summary>
public sealed class SecretInputTests(CliFixture cli) : IClassFixture<CliFixture>
{
    private const string Secret = "S3CR3T";

    private readonly CliFixture _cli = cli;

    private string VaultUri => _cli.VaultUri;

    [Fact]
    public async Task Secrets_from_standard_input_are_stored_and_never_printed_nor_warned_about()
    {
        var id = NewId();

        var run = await _cli.RunWithInputAsync(
            $$"""{"secretAccessKey":"aws-{{Secret}}","sessionToken":"st-{{Secret}}"}""",
            null,
            "tenant", "add", "--id", id, "--provider", "aws", "--phone", "phone-number-id-0123", "--access-key-id", "AKIDEXAMPLE",
            "--region", "eu-west-1", "--secrets-from-stdin", "--vault", VaultUri);

        run.ExitCode.ShouldBe(ExitCodes.Ok, run.Error);
        (run.Output + run.Error).ShouldNotContain(Secret);
        run.Error.ShouldNotContain("warning");
        (await StoredCredentials(id)).ShouldBe(new AwsCredentials("AKIDEXAMPLE", "aws-" + Secret, "st-" + Secret, "eu-west-1"));
    }

    [Fact]
    public async Task A_secret_from_its_environment_variable_is_stored_without_a_warning()
    {
        var id = NewId();
        var environment = new Dictionary<string, string?> { ["WHATSAPP_MEDIA_ACCESS_TOKEN"] = "meta-" + Secret };

        var run = await _cli.RunAsync(environment, "tenant", "add", "--id", id, "--provider", "meta", "--vault", VaultUri);

        run.ExitCode.ShouldBe(ExitCodes.Ok, run.Error);
        run.Error.ShouldNotContain("warning");
        (run.Output + run.Error).ShouldNotContain(Secret);
        (await StoredCredentials(id)).ShouldBe(new MetaCredentials("meta-" + Secret, null));
    }

    [Fact]
    public async Task Sources_combine_per_field_and_the_command_line_wins_over_the_environment()
    {
        var id = NewId();
        var environment = new Dictionary<string, string?>
        {
            ["WHATSAPP_MEDIA_PASSWORD"] = "from-environment",
            ["WHATSAPP_MEDIA_ACCESS_TOKEN"] = "another-provider's",
        };

        var run = await _cli.RunWithInputAsync(
            """{"apiKey":"key-from-stdin"}""",
            environment,
            "tenant", "add", "--id", id, "--provider", "smsgatewaycenter", "--user-id", "sgc-user", "--password", "from-option", "--secrets-from-stdin", "--vault", VaultUri);

        run.ExitCode.ShouldBe(ExitCodes.Ok, run.Error);
        (await StoredCredentials(id)).ShouldBe(new SmsGatewayCenterCredentials("key-from-stdin", "sgc-user", "from-option"));
    }

    [Fact]
    public async Task A_secret_on_the_command_line_still_works_but_is_warned_about_without_repeating_it()
    {
        var run = await _cli.RunAsync(null, "tenant", "add", "--id", NewId(), "--provider", "meta", "--access-token", "meta-" + Secret);

        run.ExitCode.ShouldBe(ExitCodes.Ok, run.Error);
        run.Error.ShouldContain("warning: --access-token on the command line can leak through shell history and the process list");
        run.Error.ShouldContain("WHATSAPP_MEDIA_ACCESS_TOKEN");
        run.Error.ShouldNotContain(Secret);
    }

    public static TheoryData<string, string[], string> BadSecretInput => new()
    {
        { "", ["--provider", "meta"], "--secrets-from-stdin: standard input is empty" },
        { " \n\t", ["--provider", "meta"], "--secrets-from-stdin: standard input is empty" },
        { "{\"accessToken\":\"" + Secret, ["--provider", "meta"], "standard input is not one JSON object" },
        { "accessToken=" + Secret, ["--provider", "meta"], "standard input is not one JSON object" },
        { "[\"" + Secret + "\"]", ["--provider", "meta"], "standard input is not one JSON object" },
        { "{\"accessToken\":\"a\",\"accessToken\":\"" + Secret + "\"}", ["--provider", "meta"], "unique keys" },
        { "{\"accessToken\":1234}", ["--provider", "meta"], "the value of 'accessToken' must be a JSON string" },
        { "{\"accesToken\":\"" + Secret + "\"}", ["--provider", "meta"], "'accesToken' is not a secret field" },
        { "{\"" + Secret + "-1\":\"x\"}", ["--provider", "meta"], "a key is not a secret field" },
        { "{\"region\":\"us-east-1\"}", ["--provider", "meta"], "'region' is not a secret field" },
        { "{\"secretAccessKey\":\"" + Secret + "\"}", ["--provider", "meta", "--access-token", "t"], "--secret-access-key (from 'secretAccessKey' on standard input) does not apply to provider 'meta'" },
        { "{\"accessToken\":\"" + Secret + "\"}", ["--provider", "meta", "--access-token", "t"], "--access-token is given both as an option and on standard input" },
        { "{}", ["--provider", "meta"], "needs --access-token (or WHATSAPP_MEDIA_ACCESS_TOKEN, or 'accessToken' on --secrets-from-stdin)" },
        { "{\"accessToken\":\" " + Secret + "\"}", ["--provider", "meta"], "Invalid --access-token (from 'accessToken' on standard input)" },
    };

    [Theory]
    [MemberData(nameof(BadSecretInput))]
    public async Task Bad_secret_input_is_exit_code_2_with_a_specific_message_that_repeats_no_secret_and_changes_nothing(
        string standardInput, string[] options, string message)
    {
        var id = NewId();

        var run = await _cli.RunWithInputAsync(standardInput, null, ["tenant", "add", "--id", id, .. options, "--secrets-from-stdin", "--vault", VaultUri]);

        run.ExitCode.ShouldBe(ExitCodes.Usage);
        run.Error.ShouldContain(message);
        (run.Output + run.Error).ShouldNotContain(Secret);
        run.Line("apiKey").ShouldBeNull();
        _cli.Vault.WriteCount(TenantIds.SecretName(id)).ShouldBe(0);
    }

    [Fact]
    public async Task An_invalid_secret_from_the_environment_is_named_by_its_variable()
    {
        var environment = new Dictionary<string, string?> { ["WHATSAPP_MEDIA_ACCESS_TOKEN"] = " " + Secret };

        var run = await _cli.RunAsync(environment, "tenant", "add", "--id", NewId(), "--provider", "meta");

        run.ExitCode.ShouldBe(ExitCodes.Usage);
        run.Error.ShouldContain("Invalid --access-token (from WHATSAPP_MEDIA_ACCESS_TOKEN)");
        run.Error.ShouldNotContain(Secret);
    }

    [Fact]
    public async Task Help_discourages_secret_options_and_names_their_alternatives()
    {
        var run = await _cli.RunAsync(null, "tenant", "add", "--help");

        run.ExitCode.ShouldBe(ExitCodes.Ok);
        run.Output.ShouldContain("--secrets-from-stdin");
        foreach (var variable in new[]
                 {
                     "WHATSAPP_MEDIA_ACCESS_TOKEN", "WHATSAPP_MEDIA_SECRET_ACCESS_KEY", "WHATSAPP_MEDIA_SESSION_TOKEN",
                     "WHATSAPP_MEDIA_ACCESS_SECRET", "WHATSAPP_MEDIA_API_KEY", "WHATSAPP_MEDIA_PASSWORD",
                 })
        {
            run.Output.ShouldContain(variable);
        }

        run.Output.ShouldContain("the option is discouraged");
    }

    private async Task<ProviderCredentials?> StoredCredentials(string id)
    {
        using var services = _cli.ServicesReadingTheVault();
        return (await services.GetRequiredService<ITenantStore>().GetAsync(id)).Tenant?.Credentials;
    }

    private static string NewId() => CliFixture.NewTenantId();
}
