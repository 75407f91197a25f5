using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Testing.Providers;

namespace WhatsAppMedia.Core.Tests.Providers;

/// <summary>The registry a provider is known by: exact wire names, no duplicates, and the built-in four.</summary>
public class ProviderRegistryTests
{
    [Fact]
    public void Every_built_in_kind_is_found_by_its_wire_name()
    {
        ProviderRegistry.BuiltIn.Names.ShouldBe(["meta", "aws", "nxcloud", "smsgatewaycenter"]);
        foreach (var kind in ProviderSandbox.Providers)
        {
            ProviderRegistry.BuiltIn.TryFind(kind.ToName(), out var definition).ShouldBeTrue();
            definition.Name.ShouldBe(kind.ToName());
        }
    }

    [Theory]
    [InlineData("Meta")]
    [InlineData("AWS")]
    [InlineData(" meta")]
    [InlineData("whatsapp")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_but_the_exact_lowercase_name_is_unknown(string? name) => ProviderRegistry.BuiltIn.TryFind(name, out _).ShouldBeFalse();

    [Fact]
    public void Two_providers_with_one_name_are_refused()
    {
        var error = Should.Throw<ArgumentException>(() => new ProviderRegistry([.. ProviderRegistry.BuiltIn.All, new TestProviderDefinition("meta")]));

        error.Message.ShouldStartWith("Two providers are registered as 'meta'.");
    }

    [Theory]
    [InlineData("Echo")]
    [InlineData("echo-1")]
    [InlineData("")]
    public void A_name_that_is_not_lowercase_letters_and_digits_is_refused(string name) =>
        Should.Throw<ArgumentException>(() => new ProviderRegistry([new TestProviderDefinition(name)]));
}
