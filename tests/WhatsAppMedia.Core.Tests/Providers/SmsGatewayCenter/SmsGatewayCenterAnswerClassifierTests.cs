using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.SmsGatewayCenter;

namespace WhatsAppMedia.Core.Tests.Providers.SmsGatewayCenter;

/// <summary>Answers the sandbox does not give: the unconfirmed error shapes of docs/providers/smsgatewaycenter.md, "Answers".</summary>
public class SmsGatewayCenterAnswerClassifierTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(12);

    [Fact]
    public void The_documented_success_body_is_deleted()
    {
        var answer = SmsGatewayCenterAnswerClassifier.Classify(
            200, """{"status":"success","mediaId":"4829173650192837465","statusCode":"200","reason":"success"}""", null);

        answer.Outcome.ShouldBe(ProviderOutcome.Deleted);
        answer.ProviderCode.ShouldBe("200");
        answer.ProviderMessage.ShouldBe("success");
    }

    [Fact]
    public void A_success_body_on_a_non_2xx_status_is_unconfirmed_so_transient() =>
        SmsGatewayCenterAnswerClassifier.Classify(400, """{"status":"success","statusCode":"200","reason":"success"}""", null)
            .Outcome.ShouldBe(ProviderOutcome.Transient);

    [Theory]
    [InlineData("Media not found or expired")]
    [InlineData("Media Expired")]
    [InlineData("media does not exist")]
    [InlineData("Media ID doesn't exist")]
    [InlineData("No such media")]
    public void A_reason_saying_not_found_or_expired_is_not_found(string reason)
    {
        var answer = SmsGatewayCenterAnswerClassifier.Classify(200, Error("404", reason), Delay);

        answer.Outcome.ShouldBe(ProviderOutcome.NotFound);
        answer.ProviderCode.ShouldBe("404");
        answer.ProviderMessage.ShouldBe(reason);
        answer.RetryAfter.ShouldBeNull();
    }

    [Theory]
    [InlineData("401", "Invalid API key / credentials")]
    [InlineData("403", "Forbidden")]
    [InlineData("400", "Invalid userid or password")]
    [InlineData("400", "Invalid apiKey")]
    [InlineData("400", "Authentication failed")]
    [InlineData("400", "User is not authorized for WhatsApp")]
    [InlineData("200", "Unauthorised")]
    public void A_body_about_credentials_is_credentials_refused(string statusCode, string reason) =>
        SmsGatewayCenterAnswerClassifier.Classify(200, Error(statusCode, reason), null).Outcome.ShouldBe(ProviderOutcome.CredentialsRefused);

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public void A_401_or_403_status_is_credentials_refused_whatever_the_body(int status)
    {
        SmsGatewayCenterAnswerClassifier.Classify(status, "<html>Unauthorized</html>", null).Outcome.ShouldBe(ProviderOutcome.CredentialsRefused);
        SmsGatewayCenterAnswerClassifier.Classify(status, Error("404", "Media not found"), null).Outcome.ShouldBe(ProviderOutcome.CredentialsRefused);
    }

    [Fact]
    public void A_429_status_is_throttled_with_its_retry_after() =>
        SmsGatewayCenterAnswerClassifier.Classify(429, "Too Many Requests", Delay).ShouldSatisfyAllConditions(
            answer => answer.Outcome.ShouldBe(ProviderOutcome.Throttled),
            answer => answer.RetryAfter.ShouldBe(Delay));

    [Theory]
    [InlineData("429", "Slow down")]
    [InlineData("400", "Rate limit exceeded")]
    [InlineData("400", "Too many requests")]
    public void A_throttling_body_on_200_is_throttled(string statusCode, string reason) =>
        SmsGatewayCenterAnswerClassifier.Classify(200, Error(statusCode, reason), Delay).ShouldSatisfyAllConditions(
            answer => answer.Outcome.ShouldBe(ProviderOutcome.Throttled),
            answer => answer.RetryAfter.ShouldBe(Delay));

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(408)]
    public void A_5xx_or_408_status_is_transient_whatever_the_body(int status)
    {
        SmsGatewayCenterAnswerClassifier.Classify(status, "<html>Bad Gateway</html>", Delay).Outcome.ShouldBe(ProviderOutcome.Transient);
        SmsGatewayCenterAnswerClassifier.Classify(status, Error("400", "Invalid mediaId"), Delay).Outcome.ShouldBe(ProviderOutcome.Transient);
    }

    [Fact]
    public void A_5xx_code_in_the_body_is_transient() =>
        SmsGatewayCenterAnswerClassifier.Classify(200, Error("503", "Service busy"), null).Outcome.ShouldBe(ProviderOutcome.Transient);

    [Fact]
    public void Any_other_error_is_rejected_with_its_code_and_reason()
    {
        var answer = SmsGatewayCenterAnswerClassifier.Classify(200, Error("400", "Invalid mediaId"), Delay);

        answer.Outcome.ShouldBe(ProviderOutcome.Rejected);
        answer.ProviderCode.ShouldBe("400");
        answer.ProviderMessage.ShouldBe("Invalid mediaId");
        answer.RetryAfter.ShouldBeNull();
    }

    [Fact]
    public void A_numeric_status_code_is_kept_as_text() =>
        SmsGatewayCenterAnswerClassifier.Classify(200, """{"status":"error","statusCode":404,"reason":"Media not found"}""", null)
            .ShouldSatisfyAllConditions(
                answer => answer.Outcome.ShouldBe(ProviderOutcome.NotFound),
                answer => answer.ProviderCode.ShouldBe("404"));

    [Fact]
    public void A_404_code_without_a_not_found_reason_is_not_taken_for_missing_media() =>
        SmsGatewayCenterAnswerClassifier.Classify(200, Error("404", "Unknown endpoint"), null).Outcome.ShouldBe(ProviderOutcome.Rejected);

    [Theory]
    [InlineData(200, "OK", ProviderOutcome.Transient)]
    [InlineData(200, "", ProviderOutcome.Transient)]
    [InlineData(200, "{}", ProviderOutcome.Transient)]
    [InlineData(200, "[1,2]", ProviderOutcome.Transient)]
    [InlineData(200, """{"result":"done"}""", ProviderOutcome.Transient)]
    [InlineData(400, "<html>Bad Request</html>", ProviderOutcome.Rejected)]
    [InlineData(404, "<html>Not Found</html>", ProviderOutcome.Rejected)]
    [InlineData(405, "", ProviderOutcome.Rejected)]
    public void A_body_not_in_the_provider_shape_falls_back_on_the_status(int status, string body, ProviderOutcome expected)
    {
        var answer = SmsGatewayCenterAnswerClassifier.Classify(status, body, null);

        answer.Outcome.ShouldBe(expected);
        answer.ProviderCode.ShouldBeNull();
        answer.ProviderMessage.ShouldNotBeNull().ShouldStartWith("SMSGatewayCenter answered");
    }

    [Fact]
    public void A_huge_reason_is_cut_to_one_bounded_line()
    {
        var reason = string.Concat(Enumerable.Repeat("bad\\r\\n", 5_000));

        var message = SmsGatewayCenterAnswerClassifier.Classify(200, Error("400", reason), null).ProviderMessage.ShouldNotBeNull();

        message.Length.ShouldBeLessThanOrEqualTo(ProviderAnswer.MaxMessageLength + 1);
        message.ShouldNotContain("\n");
    }

    private static string Error(string statusCode, string reason) =>
        $$$"""{"status":"error","statusCode":"{{{statusCode}}}","reason":"{{{reason.Replace("\"", "\\\"", StringComparison.Ordinal)}}}"}""";
}
