using System.Net;
using System.Text.Json;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.Aws;
using WhatsAppMedia.Core.Tests.Providers.Aws;
using WhatsAppMedia.Core.Tests.Support;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.Sandbox.Tests;

/// <summary>
/// The AWS sandbox is strict: it recomputes the signature over the request exactly as received and refuses, as AWS
/// does, anything that does not match. Requests here are built and signed by hand so each can be wrong in one way.
/// </summary>
public class AwsImitationTests(AwsSandboxFixture fixture) : IClassFixture<AwsSandboxFixture>
{
    private const string Phone = SandboxAccounts.Aws.PhoneNumberId;
    private const string PhoneArn = "arn:aws:social-messaging:us-east-1:123456789012:phone-number-id/0123456789abcdef0123456789abcdef";
    private static readonly SigV4Credentials LongTerm = new(SandboxAccounts.Aws.AccessKeyId, SandboxAccounts.Aws.SecretAccessKey);
    private static readonly SigV4Credentials Temporary = new(SandboxAccounts.Aws.TemporaryAccessKeyId, SandboxAccounts.Aws.TemporarySecretAccessKey, SandboxAccounts.Aws.SessionToken);

    [Fact]
    public async Task Accepts_a_correctly_signed_request()
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Aws, Phone);

        using var response = await SendAsync(Query(mediaId, Phone));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"success":true}""");
        fixture.State.HasMedia(mediaId).ShouldBeFalse();
    }

    [Fact]
    public async Task Refuses_a_tampered_signature()
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Aws, Phone);

        using var response = await SendAsync(Query(mediaId, Phone), tamper: request =>
        {
            var authorization = request.Headers.GetValues("Authorization").Single();
            var flipped = authorization[..^1] + (authorization[^1] == '0' ? '1' : '0');
            request.Headers.Remove("Authorization");
            request.Headers.TryAddWithoutValidation("Authorization", flipped);
        });

        await AwsErrorAssertions.ShouldBeRefusedAsync(response, HttpStatusCode.Forbidden, "InvalidSignatureException");
        fixture.State.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task Refuses_a_signature_made_with_another_secret()
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Aws, Phone);

        using var response = await SendAsync(Query(mediaId, Phone), credentials: LongTerm with { SecretAccessKey = "another/secret/0000000000000000000000000" });

        await AwsErrorAssertions.ShouldBeRefusedAsync(response, HttpStatusCode.Forbidden, "InvalidSignatureException");
        fixture.State.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task Refuses_an_unknown_access_key()
    {
        using var response = await SendAsync(Query("0123", Phone), credentials: LongTerm with { AccessKeyId = "AKIAUNKNOWN000000000" });

        await AwsErrorAssertions.ShouldBeRefusedAsync(response, HttpStatusCode.Forbidden, "UnrecognizedClientException");
    }

    [Fact]
    public async Task Refuses_a_request_without_authorization()
    {
        using var response = await SendAsync(Query("0123", Phone), tamper: request => request.Headers.Remove("Authorization"));

        await AwsErrorAssertions.ShouldBeRefusedAsync(response, HttpStatusCode.Forbidden, "MissingAuthenticationTokenException");
    }

    [Fact]
    public async Task Refuses_a_query_changed_after_signing()
    {
        var signedFor = fixture.Sandbox.CreateMedia(ProviderKind.Aws, Phone);
        var sentFor = fixture.Sandbox.CreateMedia(ProviderKind.Aws, Phone);

        using var response = await SendAsync(Query(sentFor, Phone), signedQuery: Query(signedFor, Phone));

        await AwsErrorAssertions.ShouldBeRefusedAsync(response, HttpStatusCode.Forbidden, "InvalidSignatureException");
        fixture.State.HasMedia(signedFor).ShouldBeTrue();
        fixture.State.HasMedia(sentFor).ShouldBeTrue();
    }

    [Fact]
    public async Task Verifies_the_arn_as_it_was_encoded_on_the_wire()
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Aws, Phone);
        var encoded = Query(mediaId, PhoneArn);
        var raw = $"mediaId={mediaId}&originationPhoneNumberId={PhoneArn}";

        using var signedEncodedSentRaw = await SendAsync(raw, signedQuery: encoded);
        using var signedRawSentEncoded = await SendAsync(encoded, signedQuery: raw);
        fixture.State.HasMedia(mediaId).ShouldBeTrue();
        using var consistent = await SendAsync(encoded);

        await AwsErrorAssertions.ShouldBeRefusedAsync(signedEncodedSentRaw, HttpStatusCode.Forbidden, "InvalidSignatureException");
        await AwsErrorAssertions.ShouldBeRefusedAsync(signedRawSentEncoded, HttpStatusCode.Forbidden, "InvalidSignatureException");
        consistent.StatusCode.ShouldBe(HttpStatusCode.OK);
        fixture.State.Requests.Last().Query.ShouldContain("arn%3Aaws%3Asocial-messaging%3Aus-east-1%3A123456789012%3Aphone-number-id%2F");
    }

    [Fact]
    public async Task Verifies_the_path_with_the_sandbox_prefix()
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Aws, Phone);

        using var response = await SendAsync(Query(mediaId, Phone), signedPath: "/v1/whatsapp/media");

        await AwsErrorAssertions.ShouldBeRefusedAsync(response, HttpStatusCode.Forbidden, "InvalidSignatureException");
        fixture.State.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task Refuses_a_signed_header_changed_after_signing()
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Aws, Phone);

        using var response = await SendAsync(
            Query(mediaId, Phone),
            extraSignedHeader: new("x-amz-user-agent", "signed/1.0"),
            tamper: request =>
            {
                request.Headers.Remove("x-amz-user-agent");
                request.Headers.TryAddWithoutValidation("x-amz-user-agent", "changed/1.0");
            });

        await AwsErrorAssertions.ShouldBeRefusedAsync(response, HttpStatusCode.Forbidden, "InvalidSignatureException");
    }

    [Fact]
    public async Task Ignores_headers_that_were_not_signed()
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Aws, Phone);

        using var response = await SendAsync(Query(mediaId, Phone), tamper: request => request.Headers.TryAddWithoutValidation("User-Agent", "anything/2.0"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refuses_a_body_that_was_not_signed()
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Aws, Phone);

        using var response = await SendAsync(Query(mediaId, Phone), tamper: request => request.Content = new StringContent("{}"));

        await AwsErrorAssertions.ShouldBeRefusedAsync(response, HttpStatusCode.Forbidden, "InvalidSignatureException");
        fixture.State.HasMedia(mediaId).ShouldBeTrue();
    }

    [Theory]
    [InlineData("social-messaging", "us-east-1", "20260302T100000Z", null)]
    [InlineData("sms-voice", "us-east-1", "20260302T100000Z", "Credential should be scoped to correct service: 'social-messaging'.")]
    [InlineData("social-messaging", "useast1", "20260302T100000Z", "Credential should be scoped to a valid region.")]
    [InlineData("social-messaging", "us-east-1", "20260303T100000Z", "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP.")]
    [InlineData("social-messaging", "us-east-1", "20260302T095459Z", "Signature expired: 20260302T095459Z is now earlier than 20260302T095500Z (20260302T100000Z - 5 min.)")]
    [InlineData("social-messaging", "us-east-1", "20260302T100501Z", "Signature not yet current: 20260302T100501Z is still later than 20260302T100500Z (20260302T100000Z + 5 min.)")]
    [InlineData("social-messaging", "us-east-1", "20260302T095500Z", null)]
    [InlineData("social-messaging", "us-east-1", "20260302T100500Z", null)]
    public async Task Checks_the_scope_and_the_time(string service, string region, string sentAmzDate, string? refusal)
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Aws, Phone);
        SigV4Signer.TryParseAmzDate(sentAmzDate, out var sentAt).ShouldBeTrue();

        // The scope date always comes from the signing time; the date-mismatch row signs one day and sends another.
        var signedAt = refusal?.StartsWith("Date in Credential", StringComparison.Ordinal) == true ? FakeClockSandboxFixture.Now : sentAt;
        using var response = await SendAsync(Query(mediaId, Phone), service: service, region: region, time: signedAt, tamper: request =>
        {
            request.Headers.Remove("X-Amz-Date");
            request.Headers.TryAddWithoutValidation("X-Amz-Date", sentAmzDate);
        });

        if (refusal is null)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            return;
        }

        (await AwsErrorAssertions.ShouldBeRefusedAsync(response, HttpStatusCode.Forbidden, "InvalidSignatureException")).ShouldBe(refusal);
        fixture.State.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task Accepts_temporary_credentials_with_their_session_token()
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Aws, Phone);

        using var response = await SendAsync(Query(mediaId, Phone), credentials: Temporary);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(SandboxAccounts.Aws.TemporaryAccessKeyId, SandboxAccounts.Aws.TemporarySecretAccessKey, null)]
    [InlineData(SandboxAccounts.Aws.TemporaryAccessKeyId, SandboxAccounts.Aws.TemporarySecretAccessKey, "another-session-token")]
    [InlineData(SandboxAccounts.Aws.AccessKeyId, SandboxAccounts.Aws.SecretAccessKey, SandboxAccounts.Aws.SessionToken)]
    public async Task Refuses_a_missing_wrong_or_needless_session_token(string accessKeyId, string secret, string? sessionToken)
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Aws, Phone);

        using var response = await SendAsync(Query(mediaId, Phone), credentials: new SigV4Credentials(accessKeyId, secret, sessionToken));

        await AwsErrorAssertions.ShouldBeRefusedAsync(response, HttpStatusCode.Forbidden, "UnrecognizedClientException");
        fixture.State.HasMedia(mediaId).ShouldBeTrue();
    }

    [Theory]
    [InlineData("mediaId=3f5a-1b2c&originationPhoneNumberId=" + Phone, "'mediaId'")]
    [InlineData("mediaId=&originationPhoneNumberId=" + Phone, "'mediaId'")]
    [InlineData("originationPhoneNumberId=" + Phone, "Value null at 'mediaId'")]
    [InlineData("mediaId=3f5a1b2c", "Value null at 'originationPhoneNumberId'")]
    [InlineData("mediaId=3f5a1b2c&originationPhoneNumberId=0123456789", "'originationPhoneNumberId'")]
    public async Task Refuses_malformed_parameters_once_the_signature_holds(string query, string messagePart)
    {
        using var response = await SendAsync(query);

        (await AwsErrorAssertions.ShouldBeRefusedAsync(response, HttpStatusCode.BadRequest, "ValidationException", expectNamespace: false)).ShouldContain(messagePart);
    }

    [Fact]
    public async Task Answers_404_for_media_it_does_not_have()
    {
        using var response = await SendAsync(Query("ffffffffffffffffffffffffffffffff", Phone));

        await AwsErrorAssertions.ShouldBeRefusedAsync(response, HttpStatusCode.NotFound, "ResourceNotFoundException", expectNamespace: false);
    }

    [Fact]
    public async Task Renders_throttling_with_retry_after()
    {
        fixture.State.InjectFault(SandboxFault.Throttle(TimeSpan.FromMilliseconds(4500)));

        using var response = await SendAsync(Query("0123", Phone));

        await AwsErrorAssertions.ShouldBeRefusedAsync(response, HttpStatusCode.TooManyRequests, "ThrottlingException");
        response.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldBe(TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData(500, "InternalServiceException")]
    [InlineData(502, "DependencyException")]
    [InlineData(503, "InternalServiceException")]
    [InlineData(504, "DependencyException")]
    public async Task Renders_server_errors(int status, string errorType)
    {
        fixture.State.InjectFault(SandboxFault.ServerError(status));

        using var response = await SendAsync(Query("0123", Phone));

        await AwsErrorAssertions.ShouldBeRefusedAsync(response, (HttpStatusCode)status, errorType, expectNamespace: false);
    }

    [Fact]
    public async Task Renders_refused_credentials_as_access_denied()
    {
        fixture.State.InjectFault(SandboxFault.RefuseCredentials());

        using var response = await SendAsync(Query("0123", Phone));

        await AwsErrorAssertions.ShouldBeRefusedAsync(response, HttpStatusCode.Forbidden, "AccessDeniedException", expectNamespace: false);
    }

    private static string Query(string mediaId, string phone) =>
        $"mediaId={AwsUriEncoding.Encode(mediaId)}&originationPhoneNumberId={AwsUriEncoding.Encode(phone)}";

    /// <summary>
    /// Sends <c>DELETE {endpoint}/v1/whatsapp/media?{wireQuery}</c>, signed over <paramref name="signedQuery"/> and
    /// <paramref name="signedPath"/> (by default what is sent), then lets <paramref name="tamper"/> change the request.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(
        string wireQuery,
        string? signedQuery = null,
        string? signedPath = null,
        SigV4Credentials? credentials = null,
        string service = AwsMediaProvider.SigningName,
        string region = "us-east-1",
        DateTimeOffset? time = null,
        KeyValuePair<string, string>? extraSignedHeader = null,
        Action<HttpRequestMessage>? tamper = null)
    {
        var uri = new Uri($"{fixture.Endpoint}/v1/whatsapp/media?{wireQuery}");
        uri.Query.ShouldBe("?" + wireQuery, "The test must send the query exactly as written.");
        credentials ??= LongTerm;
        var signature = SigV4Signer.Sign(
            new SigV4Request(
                "DELETE",
                uri.Authority,
                signedPath ?? uri.AbsolutePath,
                SigV4QueryParameter.ParseWire(signedQuery ?? wireQuery),
                extraSignedHeader is { } header ? [header] : []),
            credentials,
            region,
            service,
            time ?? FakeClockSandboxFixture.Now);

        using var request = new HttpRequestMessage(HttpMethod.Delete, uri);
        request.Headers.TryAddWithoutValidation("X-Amz-Date", signature.AmzDate);
        request.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
        if (credentials.SessionToken is { } token)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", token);
        }

        if (extraSignedHeader is { } signedHeader)
        {
            request.Headers.TryAddWithoutValidation(signedHeader.Key, signedHeader.Value);
        }

        tamper?.Invoke(request);
        return await fixture.HttpClient.SendAsync(request);
    }
}
