using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.Meta;

namespace WhatsAppMedia.Core.Tests.Providers.Meta;

/// <summary>Answers the sandbox does not give: every row of docs/providers/meta.md, "Answers", and malformed answers.</summary>
public class MetaAnswerClassifierTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(0, ProviderOutcome.CredentialsRefused)]
    [InlineData(10, ProviderOutcome.CredentialsRefused)]
    [InlineData(190, ProviderOutcome.CredentialsRefused)]
    [InlineData(200, ProviderOutcome.CredentialsRefused)]
    [InlineData(250, ProviderOutcome.CredentialsRefused)]
    [InlineData(299, ProviderOutcome.CredentialsRefused)]
    [InlineData(131005, ProviderOutcome.CredentialsRefused)]
    [InlineData(4, ProviderOutcome.Throttled)]
    [InlineData(80007, ProviderOutcome.Throttled)]
    [InlineData(80008, ProviderOutcome.Throttled)]
    [InlineData(130429, ProviderOutcome.Throttled)]
    [InlineData(1, ProviderOutcome.Transient)]
    [InlineData(2, ProviderOutcome.Transient)]
    [InlineData(131000, ProviderOutcome.Transient)]
    [InlineData(131016, ProviderOutcome.Transient)]
    [InlineData(100, ProviderOutcome.Rejected)]
    [InlineData(131009, ProviderOutcome.Rejected)]
    [InlineData(300, ProviderOutcome.Rejected)]
    [InlineData(2500, ProviderOutcome.Rejected)]
    public void Classifies_on_the_meta_code(int code, ProviderOutcome expected)
    {
        var answer = MetaAnswerClassifier.Classify(400, ErrorBody(code), Delay);

        answer.Outcome.ShouldBe(expected);
        answer.ProviderCode.ShouldBe(code.ToString(System.Globalization.CultureInfo.InvariantCulture));
        answer.HttpStatus.ShouldBe(400);
    }

    /// <summary>
    /// Every rate-limit code of Meta's references (Graph API rate limiting and error handling; WhatsApp error codes,
    /// throttling), as 400 and 403, the statuses Meta sends them with; each keeps the delay the answer named.
    /// </summary>
    [Theory]
    [InlineData(4, 400)]
    [InlineData(17, 400)]
    [InlineData(32, 403)]
    [InlineData(341, 400)]
    [InlineData(613, 400)]
    [InlineData(80000, 400)]
    [InlineData(80001, 403)]
    [InlineData(80002, 400)]
    [InlineData(80003, 403)]
    [InlineData(80004, 400)]
    [InlineData(80005, 403)]
    [InlineData(80006, 400)]
    [InlineData(80007, 403)]
    [InlineData(80008, 400)]
    [InlineData(80009, 403)]
    [InlineData(80010, 400)]
    [InlineData(80011, 403)]
    [InlineData(80012, 400)]
    [InlineData(80013, 403)]
    [InlineData(80014, 400)]
    [InlineData(130429, 400)]
    [InlineData(131048, 403)]
    [InlineData(131056, 400)]
    [InlineData(133016, 400)]
    public void Every_meta_rate_limit_code_is_throttled_whatever_the_status(int code, int status)
    {
        var answer = MetaAnswerClassifier.Classify(status, ErrorBody(code), Delay);

        answer.Outcome.ShouldBe(ProviderOutcome.Throttled);
        answer.RetryAfter.ShouldBe(Delay);
        MetaRateLimitCodes.IsRateLimit(code).ShouldBeTrue();
        MetaRateLimitCodes.All.ShouldContain(code);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(79999)]
    [InlineData(80015)]
    [InlineData(130428)]
    public void Neighbours_of_the_rate_limit_codes_are_not_throttled(int code) =>
        MetaAnswerClassifier.Classify(400, ErrorBody(code), Delay).Outcome.ShouldNotBe(ProviderOutcome.Throttled);

    [Fact]
    public void The_issues_613_answer_is_throttled_not_rejected()
    {
        const string body = """{"error":{"message":"(#613) Calls to this api have exceeded the rate limit.","type":"OAuthException","code":613,"fbtrace_id":"AbCdEf123"}}""";

        var answer = MetaAnswerClassifier.Classify(400, body, null);

        answer.Outcome.ShouldBe(ProviderOutcome.Throttled);
        answer.ProviderMessage.ShouldNotBeNull().ShouldContain("AbCdEf123");
    }

    [Theory]
    [InlineData(190, 200, ProviderOutcome.CredentialsRefused)]
    [InlineData(190, 500, ProviderOutcome.CredentialsRefused)]
    [InlineData(80007, 200, ProviderOutcome.Throttled)]
    [InlineData(2, 400, ProviderOutcome.Transient)]
    [InlineData(131009, 500, ProviderOutcome.Rejected)]
    [InlineData(100, 503, ProviderOutcome.Rejected)]
    public void A_code_the_table_names_wins_over_the_http_status(int code, int status, ProviderOutcome expected) =>
        MetaAnswerClassifier.Classify(status, ErrorBody(code), null).Outcome.ShouldBe(expected);

    [Theory]
    [InlineData(400, ProviderOutcome.Rejected)]
    [InlineData(403, ProviderOutcome.Rejected)]
    [InlineData(500, ProviderOutcome.Transient)]
    [InlineData(503, ProviderOutcome.Transient)]
    public void A_code_the_table_does_not_name_falls_back_on_the_status(int status, ProviderOutcome expected) =>
        MetaAnswerClassifier.Classify(status, ErrorBody(98765), null).Outcome.ShouldBe(expected);

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(200)]
    public void Code_100_with_subcode_33_is_not_found_whatever_the_status_and_says_it_may_be_permissions(int status)
    {
        var answer = MetaAnswerClassifier.Classify(status, ErrorBody(100, subcode: 33), null);

        answer.Outcome.ShouldBe(ProviderOutcome.NotFound);
        answer.ProviderCode.ShouldBe("100/33");
        answer.ProviderMessage.ShouldNotBeNull().ShouldStartWith("Not found, or not reachable with this token or phone_number_id");
        answer.ProviderMessage.ShouldContain("Meta said: ");
    }

    [Fact]
    public void Code_100_with_another_subcode_is_rejected_and_keeps_the_subcode() =>
        MetaAnswerClassifier.Classify(400, ErrorBody(100, subcode: 2018001), null).ShouldSatisfyAllConditions(
            answer => answer.Outcome.ShouldBe(ProviderOutcome.Rejected),
            answer => answer.ProviderCode.ShouldBe("100/2018001"));

    [Theory]
    [InlineData(100)]
    [InlineData(98765)]
    public void Is_transient_makes_an_otherwise_permanent_code_transient(int code) =>
        MetaAnswerClassifier.Classify(400, ErrorBody(code, isTransient: true), null).Outcome.ShouldBe(ProviderOutcome.Transient);

    [Fact]
    public void Is_transient_does_not_override_a_credentials_code() =>
        MetaAnswerClassifier.Classify(400, ErrorBody(190, isTransient: true), null).Outcome.ShouldBe(ProviderOutcome.CredentialsRefused);

    [Fact]
    public void Only_a_throttled_answer_keeps_the_retry_delay()
    {
        MetaAnswerClassifier.Classify(400, ErrorBody(80007), Delay).RetryAfter.ShouldBe(Delay);
        MetaAnswerClassifier.Classify(503, ErrorBody(2), Delay).RetryAfter.ShouldBeNull();
        MetaAnswerClassifier.Classify(400, ErrorBody(100, subcode: 33), Delay).RetryAfter.ShouldBeNull();
    }

    [Fact]
    public void Keeps_the_message_the_details_and_the_fbtrace_id()
    {
        const string body = """
            {"error":{"message":"(#131009) Parameter value is not valid","type":"OAuthException","code":131009,
              "error_data":{"messaging_product":"whatsapp","details":"Media ID is malformed"},"fbtrace_id":"AbCdEf12345"}}
            """;

        var answer = MetaAnswerClassifier.Classify(400, body, null);

        answer.ProviderMessage.ShouldBe("(#131009) Parameter value is not valid (Media ID is malformed) [fbtrace_id AbCdEf12345]");
        answer.RequestId.ShouldBe("AbCdEf12345", "kept as the receipt's evidence");
    }

    [Fact]
    public void Reads_codes_sent_as_strings() =>
        MetaAnswerClassifier.Classify(400, """{"error":{"message":"x","code":"190","error_subcode":"463"}}""", null)
            .ShouldSatisfyAllConditions(
                answer => answer.Outcome.ShouldBe(ProviderOutcome.CredentialsRefused),
                answer => answer.ProviderCode.ShouldBe("190/463"));

    [Fact]
    public void Success_true_is_deleted() =>
        MetaAnswerClassifier.Classify(200, """{"success":true}""", null).ShouldSatisfyAllConditions(
            answer => answer.Outcome.ShouldBe(ProviderOutcome.Deleted),
            answer => answer.HttpStatus.ShouldBe(200));

    [Theory]
    [InlineData("""{"success":false}""")]
    [InlineData("""{"success":"true"}""")]
    [InlineData("""{}""")]
    [InlineData("""[]""")]
    [InlineData("OK")]
    [InlineData("")]
    public void A_2xx_without_success_true_is_transient_because_nothing_was_confirmed(string body)
    {
        var answer = MetaAnswerClassifier.Classify(200, body, null);

        answer.Outcome.ShouldBe(ProviderOutcome.Transient);
        answer.ProviderMessage.ShouldNotBeNull().ShouldContain("unconfirmed");
    }

    [Fact]
    public void Success_true_on_an_error_status_is_not_deleted() =>
        MetaAnswerClassifier.Classify(500, """{"success":true}""", null).Outcome.ShouldBe(ProviderOutcome.Transient);

    [Theory]
    [InlineData(500, ProviderOutcome.Transient)]
    [InlineData(502, ProviderOutcome.Transient)]
    [InlineData(503, ProviderOutcome.Transient)]
    [InlineData(504, ProviderOutcome.Transient)]
    [InlineData(408, ProviderOutcome.Transient)]
    [InlineData(429, ProviderOutcome.Throttled)]
    [InlineData(400, ProviderOutcome.Rejected)]
    [InlineData(401, ProviderOutcome.Rejected)]
    [InlineData(404, ProviderOutcome.Rejected)]
    [InlineData(302, ProviderOutcome.Rejected)]
    public void An_answer_without_a_graph_error_falls_back_on_the_status(int status, ProviderOutcome expected)
    {
        var answer = MetaAnswerClassifier.Classify(status, "<html><body>Bad Gateway</body></html>", Delay);

        answer.Outcome.ShouldBe(expected);
        answer.ProviderCode.ShouldBeNull();
        answer.ProviderMessage.ShouldNotBeNull().ShouldContain("Bad Gateway");
        answer.RetryAfter.ShouldBe(expected == ProviderOutcome.Throttled ? Delay : null);
    }

    [Theory]
    [InlineData("""{"error":"something"}""")]
    [InlineData("""{"error":{"message":"no code"}}""")]
    [InlineData("""{"error":{"message":"code too big","code":99999999999}}""")]
    [InlineData("""{"error":{"message":"truncated","code":""")]
    public void A_malformed_error_object_is_read_as_an_unrecognised_answer(string body) =>
        MetaAnswerClassifier.Classify(400, body, null).ShouldSatisfyAllConditions(
            answer => answer.Outcome.ShouldBe(ProviderOutcome.Rejected),
            answer => answer.ProviderCode.ShouldBeNull());

    [Fact]
    public void A_huge_body_is_cut_to_one_bounded_line()
    {
        var body = "<html>" + string.Concat(Enumerable.Repeat("line\r\n", 10_000)) + "</html>";

        var message = MetaAnswerClassifier.Classify(502, body, null).ProviderMessage.ShouldNotBeNull();

        message.Length.ShouldBeLessThanOrEqualTo(ProviderAnswer.MaxMessageLength + 1);
        message.ShouldNotContain("\n");
    }

    private static string ErrorBody(int code, int? subcode = null, bool isTransient = false)
    {
        var subcodePart = subcode is null ? string.Empty : $",\"error_subcode\":{subcode}";
        var transientPart = isTransient ? ",\"is_transient\":true" : string.Empty;
        return $$$"""{"error":{"message":"Meta says no","type":"OAuthException","code":{{{code}}}{{{subcodePart}}}{{{transientPart}}},"fbtrace_id":"Trace123"}}""";
    }
}
