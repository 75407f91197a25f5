using WhatsAppMedia.Core.Http;

namespace WhatsAppMedia.Core.Tests.Http;

public class RequestIdsTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("req-2026.11_23")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123")]
    public void A_valid_caller_id_is_kept(string id) => RequestIds.FromCaller(id).ShouldBe(id);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234")]
    [InlineData("línea")]
    [InlineData("a\r\nX-Injected: 1")]
    public void An_invalid_caller_id_is_replaced_with_a_new_one(string? id)
    {
        var replaced = RequestIds.FromCaller(id);

        replaced.ShouldNotBe(id);
        RequestIds.IsValid(replaced).ShouldBeTrue();
    }
}
