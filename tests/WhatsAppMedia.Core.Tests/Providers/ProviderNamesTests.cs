using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Core.Tests.Providers;

public class ProviderNamesTests
{
    [Fact]
    public void Every_kind_round_trips_through_its_wire_name()
    {
        foreach (var kind in Enum.GetValues<ProviderKind>())
        {
            ProviderNames.TryParse(kind.ToName(), out var parsed).ShouldBeTrue();
            parsed.ShouldBe(kind);
        }
    }

    [Theory]
    [InlineData("Meta")]
    [InlineData("AWS")]
    [InlineData(" meta")]
    [InlineData("whatsapp")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_but_the_exact_lowercase_name_is_unknown(string? name) => ProviderNames.TryParse(name, out _).ShouldBeFalse();
}
