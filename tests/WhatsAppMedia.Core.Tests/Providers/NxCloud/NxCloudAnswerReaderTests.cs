using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.NxCloud;

namespace WhatsAppMedia.Core.Tests.Providers.NxCloud;

/// <summary>
/// Answers the sandbox does not produce on its own (NxCloud's other codes, odd envelopes, proxy pages), read by the
/// same classifier the provider uses.
/// </summary>
public sealed class NxCloudAnswerReaderTests
{
    [Theory]
    [InlineData("""{"code":0,"data":{"success":true},"message":"Request successful"}""")]
    [InlineData("""{"code":"0","data":{"success":true}}""")]
    public void Code_0_with_success_true_is_deleted(string body) =>
        NxCloudAnswerReader.Classify(200, body, null).ShouldBe(ProviderAnswer.Deleted(200));

    [Theory]
    [InlineData("""{"code":0,"data":{"success":false},"message":"Request successful"}""")]
    [InlineData("""{"code":0,"data":{"success":"true"},"message":"Request successful"}""")]
    [InlineData("""{"code":0,"data":null,"message":"Request successful"}""")]
    [InlineData("""{"code":0,"message":"Request successful"}""")]
    public void Code_0_without_success_true_is_rejected_as_unconfirmed(string body)
    {
        var answer = NxCloudAnswerReader.Classify(200, body, null);

        answer.Outcome.ShouldBe(ProviderOutcome.Rejected);
        answer.ProviderCode.ShouldBe("0");
        answer.ProviderMessage.ShouldNotBeNull().ShouldContain("not confirmed");
        answer.ProviderMessage.ShouldContain("Request successful");
    }

    [Theory]
    [InlineData(1003, ProviderOutcome.CredentialsRefused)]
    [InlineData(1005, ProviderOutcome.CredentialsRefused)]
    [InlineData(-1, ProviderOutcome.Transient)]
    [InlineData(9001, ProviderOutcome.Transient)]
    [InlineData(1001, ProviderOutcome.Rejected)]
    [InlineData(1002, ProviderOutcome.Rejected)]
    [InlineData(9000, ProviderOutcome.Rejected)]
    [InlineData(9002, ProviderOutcome.Rejected)]
    [InlineData(9006, ProviderOutcome.Rejected)]
    [InlineData(12345, ProviderOutcome.Rejected)]
    [InlineData(404, ProviderOutcome.Rejected)]
    public void NxCloud_codes_decide_and_keep_code_and_message(int code, ProviderOutcome expected)
    {
        var answer = NxCloudAnswerReader.Classify(200, $$"""{"code":{{code}},"message":"provider says {{code}}","data":null}""", null);

        answer.ShouldBe(new ProviderAnswer(expected, 200, code.ToString(System.Globalization.CultureInfo.InvariantCulture), $"provider says {code}"));
    }

    [Fact]
    public void Code_1004_is_transient_and_points_at_clock_skew()
    {
        var answer = NxCloudAnswerReader.Classify(200, """{"code":1004,"message":"Timestamp expired","data":null}""", null);

        answer.Outcome.ShouldBe(ProviderOutcome.Transient);
        answer.ProviderCode.ShouldBe("1004");
        answer.ProviderMessage.ShouldNotBeNull().ShouldContain("clock skew");
        answer.ProviderMessage.ShouldContain("Timestamp expired");
    }

    [Fact]
    public void Http_429_is_throttled_with_the_delay_whatever_the_body()
    {
        var answer = NxCloudAnswerReader.Classify(429, """{"code":-1,"message":"Too many requests","data":null}""", TimeSpan.FromSeconds(3));

        answer.ShouldBe(new ProviderAnswer(ProviderOutcome.Throttled, 429, "-1", "Too many requests", TimeSpan.FromSeconds(3)));
    }

    [Theory]
    [InlineData(500, "<html><body>Internal Server Error</body></html>")]
    [InlineData(502, "Bad Gateway")]
    [InlineData(503, "")]
    [InlineData(504, """{"code":0,"data":{"success":true}}""")]
    [InlineData(408, "")]
    public void Server_failures_are_transient_whatever_the_body(int status, string body)
    {
        var answer = NxCloudAnswerReader.Classify(status, body, null);

        answer.Outcome.ShouldBe(ProviderOutcome.Transient);
        answer.HttpStatus.ShouldBe(status);
    }

    [Theory]
    [InlineData(200, "<html>maintenance</html>", ProviderOutcome.Transient)]
    [InlineData(200, "", ProviderOutcome.Transient)]
    [InlineData(200, "[1,2]", ProviderOutcome.Transient)]
    [InlineData(200, """{"message":"no code"}""", ProviderOutcome.Transient)]
    [InlineData(200, """{"code":1.5}""", ProviderOutcome.Transient)]
    [InlineData(200, """{"code":"abc"}""", ProviderOutcome.Transient)]
    [InlineData(401, "Unauthorized", ProviderOutcome.CredentialsRefused)]
    [InlineData(403, "", ProviderOutcome.CredentialsRefused)]
    [InlineData(404, "<html>Not Found</html>", ProviderOutcome.Rejected)]
    [InlineData(400, "bad request", ProviderOutcome.Rejected)]
    public void Answers_without_an_NxCloud_envelope_fall_back_on_the_http_status(int status, string body, ProviderOutcome expected)
    {
        var answer = NxCloudAnswerReader.Classify(status, body, null);

        answer.Outcome.ShouldBe(expected);
        answer.ProviderCode.ShouldBeNull();
        answer.ProviderMessage.ShouldNotBeNull().ShouldContain("not NxCloud's JSON envelope");
    }

    [Fact]
    public void An_envelope_on_a_4xx_is_read_by_its_code()
    {
        var answer = NxCloudAnswerReader.Classify(400, """{"code":1003,"message":"Invalid signature","data":null}""", null);

        answer.ShouldBe(new ProviderAnswer(ProviderOutcome.CredentialsRefused, 400, "1003", "Invalid signature"));
    }

    [Fact]
    public void Long_multi_line_messages_are_folded_and_cut()
    {
        var message = "line one\\nline two " + new string('x', 2 * ProviderAnswer.MaxMessageLength);

        var answer = NxCloudAnswerReader.Classify(200, $$"""{"code":9006,"message":"{{message}}"}""", null);

        answer.ProviderMessage.ShouldNotBeNull().ShouldStartWith("line one line two");
        answer.ProviderMessage.Length.ShouldBe(ProviderAnswer.MaxMessageLength + 1);
    }
}
