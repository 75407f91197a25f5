using Microsoft.Extensions.Configuration;
using WhatsAppMedia.Core.Tenants;
using static WhatsAppMedia.Core.Tests.Tenants.TenantTestData;

namespace WhatsAppMedia.Core.Tests.Tenants;

/// <summary>Tenants from <c>Tenants__{id}</c> settings, the local default when no vault is configured.</summary>
public class ConfigurationTenantStoreTests
{
    private readonly RecordingLogger<ConfigurationTenantStore> _log = new();

    [Fact]
    public async Task A_tenant_is_read_from_its_Tenants_setting()
    {
        var store = StoreWith(("Tenants:acme", Aws()));

        var lookup = await store.GetAsync("acme");

        lookup.Tenant!.Provider.ShouldBe("aws");
        lookup.Tenant.Phone.ShouldBe("phone-number-id-01234567890123456789012345678901");
    }

    /// <summary>An AWS document without its secret. An operator error, logged as one, with no value.</summary>
    [Fact]
    public async Task An_unusable_document_is_an_error_in_the_log_naming_the_tenant_and_the_field_only()
    {
        var store = StoreWith(("Tenants:acme-aws", """{"provider":"aws","apiKeySha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","credentials":{"accessKeyId":"AKIAEXAMPLE000000001","region":"ap-south-1"}}"""));

        var lookup = await store.GetAsync("acme-aws");

        lookup.Status.ShouldBe(TenantLookupStatus.Invalid);
        lookup.Error!.Field.ShouldBe("credentials.secretAccessKey");
        var entry = _log.Entries.ShouldHaveSingleItem();
        entry.Level.ShouldBe(Microsoft.Extensions.Logging.LogLevel.Error);
        entry.Message.ShouldContain("acme-aws");
        entry.Message.ShouldContain("credentials.secretAccessKey");
        entry.Message.ShouldNotContain("AKIAEXAMPLE000000001");
        entry.Message.ShouldNotContain("ap-south-1");
    }

    [Fact]
    public async Task Configuration_never_refuses_lookups_so_authentication_failures_stay_unauthorized()
    {
        var store = StoreWith(("Tenants:acme", Meta()));
        for (var i = 0; i < 1000; i++)
        {
            await store.GetAsync("unknown" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        store.UncachedLookupRefusal().ShouldBeNull();
        (await new TenantAuthenticator(store).AuthenticateAsync("acme", "wrong-key")).ShouldBeSameAs(TenantAuthentication.Unauthorized);
    }

    [Fact]
    public async Task The_environment_variable_Tenants__id_is_the_same_setting()
    {
        // A process-wide variable, so the id is unique to this test.
        var id = "env-" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable("Tenants__" + id, Meta());
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();

            (await new ConfigurationTenantStore(configuration, _log).GetAsync(id)).IsFound.ShouldBeTrue();
        }
        finally
        {
            Environment.SetEnvironmentVariable("Tenants__" + id, null);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task A_missing_or_empty_setting_is_an_unknown_tenant(string? value)
    {
        var store = StoreWith(("Tenants:acme", value));

        (await store.GetAsync("acme")).Status.ShouldBe(TenantLookupStatus.NotFound);
        (await store.GetAsync("other")).Status.ShouldBe(TenantLookupStatus.NotFound);
    }

    [Fact]
    public async Task A_broken_setting_is_invalid_and_logged_naming_the_field_without_values()
    {
        var store = StoreWith(("Tenants:acme", Meta(accessToken: "")));

        var lookup = await store.GetAsync("acme");

        lookup.Status.ShouldBe(TenantLookupStatus.Invalid);
        lookup.Error!.Field.ShouldBe("credentials.accessToken");
        _log.Entries.ShouldHaveSingleItem().Message.ShouldContain("credentials.accessToken");
        await store.GetAsync("acme");
        _log.Entries.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_document_written_as_a_configuration_section_is_explained()
    {
        var store = StoreWith(("Tenants:acme:provider", "meta"), ("Tenants:acme:apiKeySha256", ApiKeySha256));

        var lookup = await store.GetAsync("acme");

        lookup.Status.ShouldBe(TenantLookupStatus.Invalid);
        lookup.Error!.Message.ShouldContain("one JSON string value");
    }

    [Fact]
    public async Task A_changed_setting_takes_effect_without_a_restart()
    {
        var configuration = Configuration(("Tenants:acme", Meta(accessToken: "old")));
        var store = new ConfigurationTenantStore(configuration, _log);
        await store.GetAsync("acme");

        configuration["Tenants:acme"] = Meta(accessToken: "new");

        (await store.GetAsync("acme")).Tenant!.Credentials.ShouldBe(new WhatsAppMedia.Core.Providers.Meta.MetaCredentials("new", "v23.0"));
    }

    [Fact]
    public async Task Invalid_ids_are_refused_before_configuration_is_read()
    {
        var store = StoreWith(("Tenants:acme", Meta()));

        await Should.ThrowAsync<ArgumentException>(async () => await store.GetAsync("ACME"));
        await Should.ThrowAsync<ArgumentException>(async () => await store.GetAsync("acme:x"));
        Should.Throw<ArgumentException>(() => store.Invalidate("../acme"));
    }

    private ConfigurationTenantStore StoreWith(params (string Key, string? Value)[] values) => new(Configuration(values), _log);

    private static IConfigurationRoot Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(value => new KeyValuePair<string, string?>(value.Key, value.Value)))
            .Build();
}
