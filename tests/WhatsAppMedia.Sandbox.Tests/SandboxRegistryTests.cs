using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Sandbox.Tests;

/// <summary>
/// README.md, "Adding a provider": the sandbox's one list of providers (<see cref="ProviderKind"/>, each value marked
/// with its imitation) names exactly the providers the service registers (<see cref="ProviderRegistry.BuiltIn"/>), and
/// every imitation brings what the sandbox, the tests and <c>scripts/dev.sh</c> take from it.
/// </summary>
public sealed class SandboxRegistryTests
{
    [Fact]
    public void The_sandbox_imitates_exactly_the_providers_the_service_registers()
    {
        var registered = ProviderRegistry.BuiltIn.Names;
        var imitated = ProviderSandbox.Providers.Select(kind => kind.ToName()).ToArray();

        // One assertion, so a single run names what is missing on either side.
        string[] problems =
        [
            .. registered.Except(imitated, StringComparer.Ordinal).Select(name => $"'{name}' is registered in ProviderRegistry.BuiltIn but no ProviderKind value imitates it"),
            .. imitated.Except(registered, StringComparer.Ordinal).Select(name => $"ProviderKind imitates '{name}', which ProviderRegistry.BuiltIn does not register"),
        ];
        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Each_imitation_serves_under_its_wire_name_and_its_settings_point_there()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();

        sandbox.ConfigurationValues.ShouldBe(ProviderSandbox.ConfigurationValuesAt(sandbox.BaseUri), ignoreOrder: true);
        foreach (var kind in ProviderSandbox.Providers)
        {
            var baseUrl = sandbox.BaseUrlFor(kind);
            baseUrl.ShouldBe(new Uri(sandbox.BaseUri, kind.ToName()));
            sandbox.ConfigurationValues.ShouldContain(
                setting => setting.Key.StartsWith("Providers:", StringComparison.Ordinal) && setting.Value == baseUrl.ToString(),
                $"a setting pointing the provider core at the {kind} imitation");
        }
    }

    [Fact]
    public async Task Each_imitation_brings_its_demo_media_and_demo_tenant()
    {
        await using var seeded = await ProviderSandbox.StartAsync(new ProviderSandboxOptions { SeedDemoMedia = true });
        await using var bare = await ProviderSandbox.StartAsync();

        foreach (var kind in ProviderSandbox.Providers)
        {
            seeded.State(kind).Media.ShouldNotBeEmpty($"the {kind} imitation's demo media");
            bare.State(kind).Media.ShouldBeEmpty();
            kind.DemoTenant().ShouldStartWith("demo-");
        }

        ProviderSandbox.Providers.Select(kind => kind.DemoTenant()).ShouldBeUnique();
    }
}
