using WhatsAppMedia.Core.Deletions;

namespace WhatsAppMedia.Core.Tests.Deletions;

public class DeletionMessageTests
{
    [Fact]
    public void A_full_message_round_trips()
    {
        var message = new DeletionMessage("acme", "1234", "106540352242922", "batch-1", "req-1", 3);

        DeletionMessage.TryParse(message.ToJson(), out var parsed, out _).ShouldBeTrue();

        parsed.ShouldBe(message);
    }

    [Fact]
    public void Only_tenant_and_media_are_required_and_unknown_fields_are_ignored()
    {
        DeletionMessage.TryParse("""{"tenantId":"acme","mediaId":"1234","priority":"high","nested":{"a":1}}""", out var parsed, out _).ShouldBeTrue();

        parsed.ShouldBe(new DeletionMessage("acme", "1234"));
    }

    [Fact]
    public void Optional_fields_left_out_are_left_out_of_the_json() =>
        new DeletionMessage("acme", "1234").ToJson().ShouldBe("""{"tenantId":"acme","mediaId":"1234","attempt":0}""");

    [Theory]
    [InlineData("not json", "The message is not valid JSON.")]
    [InlineData("", "The message is not valid JSON.")]
    [InlineData("[1,2]", "The message must be a JSON object.")]
    [InlineData("\"acme\"", "The message must be a JSON object.")]
    [InlineData("""{"mediaId":"1234"}""", "'tenantId' is required.")]
    [InlineData("""{"tenantId":"acme"}""", "'mediaId' is required.")]
    [InlineData("""{"tenantId":"","mediaId":"1"}""", "'tenantId' must be a non-empty string.")]
    [InlineData("""{"tenantId":42,"mediaId":"1"}""", "'tenantId' must be a non-empty string.")]
    [InlineData("""{"tenantId":"acme","mediaId":1234}""", "'mediaId' must be a non-empty string.")]
    [InlineData("""{"tenantId":"acme","mediaId":"1","phone":5}""", "'phone' must be a non-empty string.")]
    [InlineData("""{"tenantId":"acme","mediaId":"1","attempt":-1}""", "'attempt' must be a whole number of at least 0.")]
    [InlineData("""{"tenantId":"acme","mediaId":"1","attempt":1.5}""", "'attempt' must be a whole number of at least 0.")]
    [InlineData("""{"tenantId":"acme","mediaId":"1","attempt":"2"}""", "'attempt' must be a whole number of at least 0.")]
    public void A_malformed_message_says_exactly_what_is_wrong(string text, string expected)
    {
        DeletionMessage.TryParse(text, out var parsed, out var problem).ShouldBeFalse();

        parsed.ShouldBeNull();
        problem.ShouldBe(expected);
    }
}
