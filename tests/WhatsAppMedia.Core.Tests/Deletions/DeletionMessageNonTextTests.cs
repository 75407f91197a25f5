using WhatsAppMedia.Core.Deletions;

namespace WhatsAppMedia.Core.Tests.Deletions;

/// <summary>Queue messages whose strings are not text are refused with the field's code, never by an exception.</summary>
public class DeletionMessageNonTextTests
{
    [Theory]
    [InlineData("""{"tenantId":"demo-meta","mediaId":"\ud800"}""", "invalid_media_id", "'$.mediaId' is not text")]
    [InlineData("""{"tenantId":"\udc00","mediaId":"1"}""", "invalid_tenant_id", "'$.tenantId' is not text")]
    [InlineData("""{"tenantId":"demo-meta","mediaId":"1","phone":"1\ud800"}""", "invalid_phone", "'$.phone' is not text")]
    [InlineData("""{"tenantId":"demo-meta","mediaId":"1","batchId":"\ud800"}""", "malformed_message", "'$.batchId' is not text")]
    [InlineData("""{"tenantId":"demo-meta","mediaId":"1","requestId":"\ud800"}""", "malformed_message", "'$.requestId' is not text")]
    [InlineData("""{"tenantId":"demo-meta","mediaId":"1","extra":{"deep":["\ud800"]}}""", "malformed_message", "'$.extra.deep[0]' is not text")]
    [InlineData("""{"\ud800":1,"tenantId":"demo-meta","mediaId":"1"}""", "malformed_message", "a property name in '$' is not text")]
    public void A_string_that_is_not_text_is_refused_with_the_fields_code(string text, string code, string detail)
    {
        DeletionMessage.TryRead(text, out var message, out var refusal).ShouldBeFalse();

        message.ShouldBeNull();
        refusal.Code.ShouldBe(code);
        refusal.Message.ShouldContain(detail);
        DeletionMessage.TryParse(text, out _, out var problem).ShouldBeFalse();
        problem.ShouldBe(refusal.Message);
    }

    [Fact]
    public void A_message_text_holding_a_lone_surrogate_itself_is_malformed()
    {
        // Built in code: attribute arguments cannot carry lone surrogates.
        DeletionMessage.TryRead("{\"tenantId\":\"demo-meta\",\"mediaId\":\"1\ud800\"}", out _, out var refusal).ShouldBeFalse();

        refusal.Code.ShouldBe("malformed_message");
        refusal.Message.ShouldBe("The message is not text: it holds an unpaired surrogate at index 36.");
    }
}
