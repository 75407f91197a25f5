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

    public static TheoryData<int, string?, string, DeletionOutcome, string?> Answers => new()
    {
        { 200, null, """{"success":true}""", DeletionOutcome.Deleted, null },
        { 200, null, """{"success":false}""", DeletionOutcome.Transient, null },
        { 200, null, """{"success":"true"}""", DeletionOutcome.Transient, null },
        { 200, null, "<html>proxy page</html>", DeletionOutcome.Transient, null },
        { 200, null, "", DeletionOutcome.Transient, null },
        { 200, null, "[true]", DeletionOutcome.Transient, null },
        { 429, "ThrottlingException", """{"message":"Rate exceeded"}""", DeletionOutcome.Throttled, "ThrottlingException" },
        { 429, "ThrottledRequestException" + Coral, """{"message":"Rate exceeded"}""", DeletionOutcome.Throttled, "ThrottledRequestException" },
        { 400, "ThrottlingException", """{"message":"Rate exceeded"}""", DeletionOutcome.Throttled, "ThrottlingException" },
        { 429, null, "Too Many Requests", DeletionOutcome.Throttled, null },
        { 500, "InternalServiceException" + Coral, """{"message":"failure"}""", DeletionOutcome.Transient, "InternalServiceException" },
        { 502, "DependencyException", """{"message":"failure"}""", DeletionOutcome.Transient, "DependencyException" },
        { 503, null, "Service Unavailable", DeletionOutcome.Transient, null },
        { 504, null, "", DeletionOutcome.Transient, null },
        { 408, null, "", DeletionOutcome.Transient, null },
        { 403, "AccessDeniedException", """{"message":"denied"}""", DeletionOutcome.CredentialsRefused, "AccessDeniedException" },
        { 403, "AccessDeniedByMetaException", """{"message":"denied"}""", DeletionOutcome.CredentialsRefused, "AccessDeniedByMetaException" },
        { 403, "UnrecognizedClientException" + Coral, """{"message":"invalid"}""", DeletionOutcome.CredentialsRefused, "UnrecognizedClientException" },
        { 403, "ExpiredTokenException", """{"message":"expired"}""", DeletionOutcome.CredentialsRefused, "ExpiredTokenException" },
        { 403, "InvalidSignatureException" + Coral, """{"message":"mismatch"}""", DeletionOutcome.CredentialsRefused, "InvalidSignatureException" },
        { 403, "SignatureDoesNotMatch", """{"message":"mismatch"}""", DeletionOutcome.CredentialsRefused, "SignatureDoesNotMatch" },
        { 400, "ExpiredTokenException", """{"message":"expired"}""", DeletionOutcome.CredentialsRefused, "ExpiredTokenException" },
        { 401, null, "", DeletionOutcome.CredentialsRefused, null },
        { 403, null, "<html>Forbidden</html>", DeletionOutcome.CredentialsRefused, null },
        { 404, "ResourceNotFoundException", """{"message":"not found"}""", DeletionOutcome.NotFound, "ResourceNotFoundException" },
        { 404, null, """{"__type":"com.amazonaws.socialmessaging#ResourceNotFoundException","message":"not found"}""", DeletionOutcome.NotFound, "ResourceNotFoundException" },
        { 404, null, "<html>Not Found</html>", DeletionOutcome.Rejected, null },
        { 404, "UnknownOperationException", "{}", DeletionOutcome.Rejected, "UnknownOperationException" },
        { 400, "ValidationException", """{"message":"1 validation error detected"}""", DeletionOutcome.Rejected, "ValidationException" },
        { 400, null, """{"code":"InvalidParametersException","message":"bad"}""", DeletionOutcome.Rejected, "InvalidParametersException" },
        { 400, null, """{"__type":"com.amazon.coral.validate#ValidationException"}""", DeletionOutcome.Rejected, "ValidationException" },
        { 400, null, """{"code":"ThrottlingException"}""", DeletionOutcome.Throttled, "ThrottlingException" },
        { 409, "ConflictException", """{"message":"conflict"}""", DeletionOutcome.Rejected, "ConflictException" },
        { 400, null, "", DeletionOutcome.Rejected, null },
        { 500, "SomethingNewException", "{}", DeletionOutcome.Transient, "SomethingNewException" },
        { 302, null, "", DeletionOutcome.Rejected, null },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Classifies_each_answer(int status, string? errorTypeHeader, string body, DeletionOutcome outcome, string? code)
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

        answer.Outcome.ShouldBe(DeletionOutcome.Throttled);
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

        answer.Outcome.ShouldBe(DeletionOutcome.Transient);
        answer.ProviderMessage.ShouldNotBeNull().Length.ShouldBe(ProviderAnswer.MaxMessageLength + 1);
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
