using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.Aws;
using WhatsAppMedia.Core.Tests.Support;

namespace WhatsAppMedia.Core.Tests.Providers.Aws;

/// <summary>
/// The classification table of the provider notes, over every answer shape AWS uses (type in the header, with or
/// without its namespace; type in the body's <c>__type</c> or <c>code</c>; no type at all). The sandbox produces a
/// few of these over HTTP; this covers the rest.
/// </summary>
public class AwsAnswerClassifierTests
{
    private const string Coral = ":http://internal.amazon.com/coral/com.amazon.coral.service/";
    private static readonly SigV4Credentials Credentials = new("AKIAEXAMPLE", "secret/Access/Key/EXAMPLE", "session/Token/EXAMPLE==");
    private static readonly FakeTimeProvider Clock = new(FakeClockSandboxFixture.Now);

    public static TheoryData<int, string?, string, ProviderOutcome, string?> Answers => new()
    {
        { 200, null, """{"success":true}""", ProviderOutcome.Deleted, null },
        { 200, null, """{"success":false}""", ProviderOutcome.Transient, null },
        { 200, null, """{"success":"true"}""", ProviderOutcome.Transient, null },
        { 200, null, "<html>proxy page</html>", ProviderOutcome.Transient, null },
        { 200, null, "", ProviderOutcome.Transient, null },
        { 200, null, "[true]", ProviderOutcome.Transient, null },
        { 429, "ThrottlingException", """{"message":"Rate exceeded"}""", ProviderOutcome.Throttled, "ThrottlingException" },
        { 429, "ThrottledRequestException" + Coral, """{"message":"Rate exceeded"}""", ProviderOutcome.Throttled, "ThrottledRequestException" },
        { 400, "ThrottlingException", """{"message":"Rate exceeded"}""", ProviderOutcome.Throttled, "ThrottlingException" },
        { 429, null, "Too Many Requests", ProviderOutcome.Throttled, null },
        { 500, "InternalServiceException" + Coral, """{"message":"failure"}""", ProviderOutcome.Transient, "InternalServiceException" },
        { 502, "DependencyException", """{"message":"failure"}""", ProviderOutcome.Transient, "DependencyException" },
        { 503, null, "Service Unavailable", ProviderOutcome.Transient, null },
        { 504, null, "", ProviderOutcome.Transient, null },
        { 408, null, "", ProviderOutcome.Transient, null },
        { 403, "AccessDeniedException", """{"message":"denied"}""", ProviderOutcome.CredentialsRefused, "AccessDeniedException" },
        { 403, "AccessDeniedByMetaException", """{"message":"denied"}""", ProviderOutcome.CredentialsRefused, "AccessDeniedByMetaException" },
        { 403, "UnrecognizedClientException" + Coral, """{"message":"invalid"}""", ProviderOutcome.CredentialsRefused, "UnrecognizedClientException" },
        { 403, "ExpiredTokenException", """{"message":"expired"}""", ProviderOutcome.CredentialsRefused, "ExpiredTokenException" },
        { 403, "InvalidSignatureException" + Coral, """{"message":"mismatch"}""", ProviderOutcome.CredentialsRefused, "InvalidSignatureException" },
        { 403, "SignatureDoesNotMatch", """{"message":"mismatch"}""", ProviderOutcome.CredentialsRefused, "SignatureDoesNotMatch" },
        { 400, "ExpiredTokenException", """{"message":"expired"}""", ProviderOutcome.CredentialsRefused, "ExpiredTokenException" },
        { 401, null, "", ProviderOutcome.CredentialsRefused, null },
        { 403, null, "<html>Forbidden</html>", ProviderOutcome.CredentialsRefused, null },
        { 404, "ResourceNotFoundException", """{"message":"not found"}""", ProviderOutcome.NotFound, "ResourceNotFoundException" },
        { 404, null, """{"__type":"com.amazonaws.socialmessaging#ResourceNotFoundException","message":"not found"}""", ProviderOutcome.NotFound, "ResourceNotFoundException" },
        { 404, null, "<html>Not Found</html>", ProviderOutcome.Rejected, null },
        { 404, "UnknownOperationException", "{}", ProviderOutcome.Rejected, "UnknownOperationException" },
        { 400, "ValidationException", """{"message":"1 validation error detected"}""", ProviderOutcome.Rejected, "ValidationException" },
        { 400, null, """{"code":"InvalidParametersException","message":"bad"}""", ProviderOutcome.Rejected, "InvalidParametersException" },
        { 400, null, """{"__type":"com.amazon.coral.validate#ValidationException"}""", ProviderOutcome.Rejected, "ValidationException" },
        { 400, null, """{"code":"ThrottlingException"}""", ProviderOutcome.Throttled, "ThrottlingException" },
        { 409, "ConflictException", """{"message":"conflict"}""", ProviderOutcome.Rejected, "ConflictException" },
        { 400, null, "", ProviderOutcome.Rejected, null },
        { 500, "SomethingNewException", "{}", ProviderOutcome.Transient, "SomethingNewException" },
        { 302, null, "", ProviderOutcome.Rejected, null },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Classifies_each_answer(int status, string? errorTypeHeader, string body, ProviderOutcome outcome, string? code)
    {
        using var response = Response(status, body, errorTypeHeader);

        var answer = await AwsAnswerClassifier.ClassifyAsync(response, Clock, Credentials, CancellationToken.None);

        answer.Outcome.ShouldBe(outcome);
        answer.HttpStatus.ShouldBe(status);
        answer.ProviderCode.ShouldBe(code);
    }

    [Fact]
    public async Task The_error_type_header_wins_over_the_body()
    {
        using var response = Response(400, """{"__type":"ValidationException"}""", "ThrottlingException");

        var answer = await AwsAnswerClassifier.ClassifyAsync(response, Clock, Credentials, CancellationToken.None);

        answer.Outcome.ShouldBe(ProviderOutcome.Throttled);
    }

    [Theory]
    [InlineData("""{"message":"lower case"}""", "lower case")]
    [InlineData("""{"Message":"upper case"}""", "upper case")]
    [InlineData("plain text\r\nsecond line", "plain text second line")]
    public async Task Keeps_the_message_on_one_line(string body, string message)
    {
        using var response = Response(400, body, "ValidationException");

        var answer = await AwsAnswerClassifier.ClassifyAsync(response, Clock, Credentials, CancellationToken.None);

        answer.ProviderMessage.ShouldBe(message);
    }

    [Fact]
    public async Task Takes_our_secrets_out_of_a_message_that_quotes_them()
    {
        var quoted = $"The Canonical String for this request should have been 'x-amz-security-token:{Credentials.SessionToken}' using {Credentials.SecretAccessKey}";
        using var response = Response(403, $$"""{"message":"{{quoted}}"}""", "InvalidSignatureException");

        var answer = await AwsAnswerClassifier.ClassifyAsync(response, Clock, Credentials, CancellationToken.None);

        answer.ProviderMessage.ShouldNotBeNull().ShouldNotContain(Credentials.SessionToken!);
        answer.ProviderMessage.ShouldNotContain(Credentials.SecretAccessKey);
        answer.ProviderMessage.ShouldContain("x-amz-security-token:***");
    }

    [Fact]
    public async Task Cuts_a_long_message()
    {
        using var response = Response(500, new string('x', 200_000), null);

        var answer = await AwsAnswerClassifier.ClassifyAsync(response, Clock, Credentials, CancellationToken.None);

        answer.Outcome.ShouldBe(ProviderOutcome.Transient);
        answer.ProviderMessage.ShouldNotBeNull().Length.ShouldBe(ProviderAnswer.MaxMessageLength + 1);
    }

    [Theory]
    [InlineData(200, """{"success":true}""")]
    [InlineData(404, """{"message":"not found"}""")]
    public async Task Keeps_the_request_id_of_every_answer_and_drops_one_that_is_not_an_id(int status, string body)
    {
        using var response = Response(status, body, status == 404 ? "ResourceNotFoundException" : null);
        response.Headers.TryAddWithoutValidation("x-amzn-RequestId", "c0ffee00-1234-4abc-8def-000000000001");
        using var junk = Response(status, body, null);
        junk.Headers.TryAddWithoutValidation("x-amzn-RequestId", new string('a', 129));

        (await AwsAnswerClassifier.ClassifyAsync(response, Clock, Credentials, CancellationToken.None)).RequestId.ShouldBe("c0ffee00-1234-4abc-8def-000000000001");
        (await AwsAnswerClassifier.ClassifyAsync(junk, Clock, Credentials, CancellationToken.None)).RequestId.ShouldBeNull();
    }

    [Fact]
    public async Task Reads_retry_after_in_seconds()
    {
        using var response = Response(429, """{"message":"Rate exceeded"}""", "ThrottlingException");
        response.Headers.RetryAfter = new(TimeSpan.FromSeconds(3));

        var answer = await AwsAnswerClassifier.ClassifyAsync(response, Clock, Credentials, CancellationToken.None);

        answer.RetryAfter.ShouldBe(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Reads_retry_after_as_a_date_by_our_clock()
    {
        using var response = Response(429, """{"message":"Rate exceeded"}""", "ThrottlingException");
        response.Headers.RetryAfter = new(FakeClockSandboxFixture.Now + TimeSpan.FromSeconds(20));

        var answer = await AwsAnswerClassifier.ClassifyAsync(response, Clock, Credentials, CancellationToken.None);

        answer.RetryAfter.ShouldBe(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Ignores_retry_after_on_answers_that_are_not_throttling()
    {
        using var response = Response(503, "", null);
        response.Headers.RetryAfter = new(TimeSpan.FromSeconds(3));

        var answer = await AwsAnswerClassifier.ClassifyAsync(response, Clock, Credentials, CancellationToken.None);

        answer.RetryAfter.ShouldBeNull();
    }

    private static HttpResponseMessage Response(int status, string body, string? errorTypeHeader)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (errorTypeHeader is not null)
        {
            response.Headers.TryAddWithoutValidation(AwsAnswerClassifier.ErrorTypeHeader, errorTypeHeader);
        }

        return response;
    }
}
