using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>
/// What <c>scripts/dev.sh</c> works with on a fresh clone (README.md, "Adding a provider"): local.settings.sample.json
/// points every provider the sandbox imitates at its imitation and has a valid demo tenant for it. The end-to-end
/// tests then send each demo tenant's calls through the local host, which proves its credentials.
/// </summary>
public sealed class SampleSettingsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sample-settings-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_sample_has_a_demo_tenant_for_every_imitated_provider()
    {
        var values = Sample();

        foreach (var kind in ProviderSandbox.Providers)
        {
            var tenant = kind.DemoTenant();
            values.TryGetValue("Tenants:" + tenant, out var document).ShouldBeTrue($"local.settings.sample.json has no Tenants__{tenant} for the {kind} imitation");
            var parsed = TenantDocument.Parse(tenant, document!);
            parsed.IsValid.ShouldBeTrue($"Tenants__{tenant}: {parsed.Error}");
            parsed.Tenant!.Provider.ShouldBe(kind.ToName());
        }
    }

    [Fact]
    public void The_sample_points_every_provider_at_the_sandbox_it_enables()
    {
        var values = Sample();

        values["Sandbox:Enabled"].ShouldBe("true");
        foreach (var (key, value) in ProviderSandbox.ConfigurationValuesAt(new Uri(values["Sandbox:Url"]!)))
        {
            values.TryGetValue(key, out var sample).ShouldBeTrue($"local.settings.sample.json lacks {key.Replace(":", "__", StringComparison.Ordinal)}");
            sample.ShouldBe(value, key);
        }
    }

    /// <summary>The sample itself, even where a developer's own local.settings.json would win.</summary>
    private IReadOnlyDictionary<string, string?> Sample()
    {
        File.Copy(Path.Combine(RepositoryRoot.Find(AppContext.BaseDirectory), "local.settings.sample.json"), Path.Combine(_root, "local.settings.sample.json"));
        return LocalSettings.Load(_root).Values;
    }
}
