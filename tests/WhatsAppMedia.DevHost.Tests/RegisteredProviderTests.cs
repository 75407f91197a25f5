using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppMedia.Cli;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Tenants;
using WhatsAppMedia.Sandbox;
using WhatsAppMedia.Testing.Providers;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>
/// README "Adding a provider": a fifth provider, defined only in test code and registered with one
/// <c>AddProvider</c> call, is known to the tenant document parser, offered by the CLI's <c>tenant add</c>, and reached by
/// a DELETE through the local host's real port. Its wire calls go to the sandbox's Meta imitation.
/// </summary>
public sealed class RegisteredProviderTests(LocalEnvironment environment) : IClassFixture<LocalEnvironment>
{
    private const string TenantId = "relay-tenant";

    private readonly TestProviderDefinition _relay = new();

    private ProviderRegistry Registry => new([.. ProviderRegistry.BuiltIn.All, _relay]);

    [Fact]
    public void The_tenant_document_parser_accepts_the_registered_provider_and_only_where_it_is_registered()
    {
        const string Document = """{"provider":"relay","apiKeySha256":"2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae","credentials":{"token":"t0ken"}}""";

        var parsed = TenantDocument.Parse(TenantId, Document, Registry);
        parsed.IsValid.ShouldBeTrue();
        parsed.Tenant!.Provider.ShouldBe("relay");
        TenantDocument.Parse(TenantId, TenantDocument.Serialize(parsed.Tenant), Registry).Tenant.ShouldBe(parsed.Tenant);

        var missing = TenantDocument.Parse(TenantId, Document.Replace("\"token\":\"t0ken\"", string.Empty, StringComparison.Ordinal), Registry);
        missing.Error!.Field.ShouldBe("credentials.token");

        var unknown = TenantDocument.Parse(TenantId, Document);
        unknown.Error!.Field.ShouldBe("provider");
        unknown.Error.Message.ShouldBe("Tenant document field 'provider' must be one of: meta, aws, nxcloud, smsgatewaycenter.");
    }

    [Fact]
    public async Task The_cli_offers_the_registered_providers_fields_and_refuses_foreign_ones()
    {
        var help = await RunCliAsync("tenant", "add", "--help");
        help.Output.ShouldContain("--relay-token");
        help.Output.ShouldContain("meta, aws, nxcloud, smsgatewaycenter, relay");

        var missing = await RunCliAsync("tenant", "add", "--id", TenantId, "--provider", "relay");
        missing.ExitCode.ShouldBe(ExitCodes.Usage);
        missing.Error.ShouldContain("Provider 'relay' needs --relay-token (or WHATSAPP_MEDIA_RELAY_TOKEN");

        var foreign = await RunCliAsync("tenant", "add", "--id", TenantId, "--provider", "relay", "--region", "us-east-1");
        foreign.ExitCode.ShouldBe(ExitCodes.Usage);
        foreign.Error.ShouldContain("--region does not apply to provider 'relay'.");
    }

    [Fact]
    public async Task A_tenant_the_cli_writes_for_the_registered_provider_deletes_through_the_http_api()
    {
        var added = await RunCliAsync(
            new Dictionary<string, string?> { ["WHATSAPP_MEDIA_RELAY_TOKEN"] = SandboxAccounts.Meta.AccessToken },
            "tenant", "add", "--id", TenantId, "--provider", "relay");
        added.ExitCode.ShouldBe(ExitCodes.Ok, added.Error);
        var document = Line(added.Output, "value: ");
        var apiKey = Line(added.Output, "apiKey: ");

        await using var host = await environment.StartHostAsync(
            "relay-" + Guid.NewGuid().ToString("N")[..8],
            builder => builder.Services.AddProvider(_relay),
            $"--Tenants:{TenantId}={document}",
            $"--Providers:relay:BaseUrl={environment.Sandbox.BaseUrlFor(ProviderKind.Meta)}");
        host.Service<ProviderRegistry>().Names.ShouldContain("relay");
        var mediaId = environment.Sandbox.CreateMedia(ProviderKind.Meta);

        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/tenants/{TenantId}/media/{mediaId}");
        request.Headers.Add("X-Api-Key", apiKey);
        using var response = await host.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("provider").GetString().ShouldBe("relay");
        body.GetProperty("outcome").GetString().ShouldBe("deleted");
        environment.Sandbox.Meta.HasMedia(mediaId).ShouldBeFalse();
    }

    private Task<(int ExitCode, string Output, string Error)> RunCliAsync(params string[] args) => RunCliAsync(new Dictionary<string, string?>(), args);

    private async Task<(int ExitCode, string Output, string Error)> RunCliAsync(Dictionary<string, string?> variables, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(string.Empty);
        var cli = new CliEnvironment(output, error, _ => throw new InvalidOperationException("No vault in this test."), name => variables.GetValueOrDefault(name), input)
        {
            Providers = Registry,
            GetEnvironmentVariableNames = () => variables.Keys,
        };
        var exitCode = await CliApplication.RunAsync(args, cli);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static string Line(string output, string prefix) =>
        output.Split('\n').Select(line => line.TrimEnd('\r')).Single(line => line.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..];
}
