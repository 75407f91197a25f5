using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.Aws;
using WhatsAppMedia.Core.Tests.Support;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.Core.Tests.Providers.Aws;

/// <summary>Every outcome of DeleteWhatsAppMessageMedia over real HTTP against the strict sandbox, and what went on the wire.</summary>
public partial class AwsMediaProviderTests(AwsSandboxFixture fixture) : IClassFixture<AwsSandboxFixture>
{
    private const string Phone = SandboxAccounts.Aws.PhoneNumberId;
    private const string PhoneArn = "arn:aws:social-messaging:us-east-1:123456789012:phone-number-id/0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task Deletes_media_of_the_phone_number()
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Aws, Phone);

        var answer = await fixture.Provider().SendDeleteAsync(new MediaTarget(mediaId, Phone), AwsSandboxFixture.Credentials);

        answer.ShouldBe(ProviderAnswer.Deleted(200) with { RequestId = answer.RequestId });
        answer.RequestId.ShouldNotBeNull("the sandbox names every answer in x-amzn-RequestId, as AWS does");
        fixture.State.HasMedia(mediaId).ShouldBeFalse();
    }

    [Fact]
    public async Task Sends_exactly_one_signed_delete_with_the_ids_in_the_query()
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Aws, Phone);

        await fixture.Provider().SendDeleteAsync(new MediaTarget(mediaId, Phone), AwsSandboxFixture.Credentials);

        var request = fixture.RequestsFor(mediaId).ShouldHaveSingleItem();
        request.Method.ShouldBe("DELETE");
        request.Path.ShouldBe("/aws/v1/whatsapp/media");
        request.Query.ShouldBe($"?mediaId={mediaId}&originationPhoneNumberId={Phone}");
        request.Body.ShouldBeEmpty();
        request.Header("host").ShouldBe(fixture.Endpoint.Authority);
        request.Header("x-amz-date").ShouldBe("20260302T100000Z");
        request.Header("x-amz-security-token").ShouldBeNull();
        request.Header("authorization").ShouldNotBeNull().ShouldMatch(
            @"\AAWS4-HMAC-SHA256 Credential=AKIASANDBOX000000001/20260302/us-east-1/social-messaging/aws4_request, SignedHeaders=host;x-amz-date, Signature=[0-9a-f]{64}\z");
    }

    [Fact]
    public async Task Percent_encodes_an_arn_phone_id_on_the_wire_and_aws_accepts_the_signature()
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Aws, Phone);

        var answer = await fixture.Provider().SendDeleteAsync(new MediaTarget(mediaId, PhoneArn), AwsSandboxFixture.Credentials);

        answer.Outcome.ShouldBe(ProviderOutcome.Deleted);
        var query = fixture.RequestsFor(mediaId).ShouldHaveSingleItem().Query;
        query.ShouldBe($"?mediaId={mediaId}&originationPhoneNumberId=arn%3Aaws%3Asocial-messaging%3Aus-east-1%3A123456789012%3Aphone-number-id%2F0123456789abcdef0123456789abcdef");
    }

    [Fact]
    public async Task Sends_and_signs_the_session_token_of_temporary_credentials()
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Aws, Phone);

        var answer = await fixture.Provider().SendDeleteAsync(new MediaTarget(mediaId, Phone), AwsSandboxFixture.TemporaryCredentials);

        answer.Outcome.ShouldBe(ProviderOutcome.Deleted);
        var request = fixture.RequestsFor(mediaId).ShouldHaveSingleItem();
        request.Header("x-amz-security-token").ShouldBe(SandboxAccounts.Aws.SessionToken);
        request.Header("authorization").ShouldNotBeNull().ShouldContain("SignedHeaders=host;x-amz-date;x-amz-security-token, ");
    }

    [Fact]
    public async Task Signs_every_attempt_at_its_own_time()
    {
        var clock = new FakeTimeProvider(FakeClockSandboxFixture.Now - TimeSpan.FromMinutes(2));
        var provider = fixture.Provider(clock);
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Aws, Phone);
        fixture.State.InjectFault(SandboxFault.ServerError(503));

        var first = await provider.SendDeleteAsync(new MediaTarget(mediaId, Phone), AwsSandboxFixture.Credentials);
        clock.Advance(TimeSpan.FromSeconds(150));
        var second = await provider.SendDeleteAsync(new MediaTarget(mediaId, Phone), AwsSandboxFixture.Credentials);

        (first.Outcome, second.Outcome).ShouldBe((ProviderOutcome.Transient, ProviderOutcome.Deleted));
        fixture.RequestsFor(mediaId).Select(request => request.Header("x-amz-date")).ShouldBe(["20260302T095800Z", "20260302T100030Z"]);
    }

    [Fact]
    public async Task Media_that_does_not_exist_is_not_found()
    {
        var answer = await fixture.Provider().SendDeleteAsync(new MediaTarget("0123456789abcdef0123456789abcdef", Phone), AwsSandboxFixture.Credentials);

        answer.Outcome.ShouldBe(ProviderOutcome.NotFound);
        answer.HttpStatus.ShouldBe(404);
        answer.ProviderCode.ShouldBe("ResourceNotFoundException");
        answer.ProviderMessage.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Media_of_another_phone_number_is_not_found_and_stays()
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Aws, "phone-number-id-someoneelse0000000000000000000000");

        var answer = await fixture.Provider().SendDeleteAsync(new MediaTarget(mediaId, Phone), AwsSandboxFixture.Credentials);

        answer.Outcome.ShouldBe(ProviderOutcome.NotFound);
        fixture.State.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task Throttling_is_throttled_with_the_delay_aws_asked_for()
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Aws, Phone);
        fixture.State.InjectFault(SandboxFault.Throttle(TimeSpan.FromSeconds(7)));

        var answer = await fixture.Provider().SendDeleteAsync(new MediaTarget(mediaId, Phone), AwsSandboxFixture.Credentials);

        answer.Outcome.ShouldBe(ProviderOutcome.Throttled);
        answer.HttpStatus.ShouldBe(429);
        answer.ProviderCode.ShouldBe("ThrottlingException");
        answer.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
        fixture.State.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task Throttling_without_retry_after_has_no_delay()
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Aws, Phone);
        fixture.State.InjectFault(SandboxFault.Throttle());

        var answer = await fixture.Provider().SendDeleteAsync(new MediaTarget(mediaId, Phone), AwsSandboxFixture.Credentials);

        answer.Outcome.ShouldBe(ProviderOutcome.Throttled);
        answer.RetryAfter.ShouldBeNull();
    }

    [Theory]
    [InlineData(500, "InternalServiceException")]
    [InlineData(502, "DependencyException")]
    [InlineData(503, "InternalServiceException")]
    public async Task Server_errors_are_transient(int status, string errorType)
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Aws, Phone);
        fixture.State.InjectFault(SandboxFault.ServerError(status));

        var answer = await fixture.Provider().SendDeleteAsync(new MediaTarget(mediaId, Phone), AwsSandboxFixture.Credentials);

        answer.Outcome.ShouldBe(ProviderOutcome.Transient);
        answer.HttpStatus.ShouldBe(status);
        answer.ProviderCode.ShouldBe(errorType);
        fixture.State.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task Access_denied_is_credentials_refused()
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Aws, Phone);
        fixture.State.InjectFault(SandboxFault.RefuseCredentials());

        var answer = await fixture.Provider().SendDeleteAsync(new MediaTarget(mediaId, Phone), AwsSandboxFixture.Credentials);

        answer.Outcome.ShouldBe(ProviderOutcome.CredentialsRefused);
        answer.HttpStatus.ShouldBe(403);
        answer.ProviderCode.ShouldBe("AccessDeniedException");
        fixture.State.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_as_an_invalid_signature()
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Aws, Phone);
        var wrongSecret = AwsSandboxFixture.Credentials with { SecretAccessKey = "not/the/secret/the/sandbox/holds/00000000" };

        var answer = await fixture.Provider().SendDeleteAsync(new MediaTarget(mediaId, Phone), wrongSecret);

        answer.Outcome.ShouldBe(ProviderOutcome.CredentialsRefused);
        answer.ProviderCode.ShouldBe("InvalidSignatureException");
        answer.ProviderMessage.ShouldNotBeNull().ShouldNotContain(wrongSecret.SecretAccessKey);
        fixture.State.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task An_unknown_access_key_is_refused_as_an_unrecognized_client()
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Aws, Phone);

        var answer = await fixture.Provider().SendDeleteAsync(
            new MediaTarget(mediaId, Phone), AwsSandboxFixture.Credentials with { AccessKeyId = "AKIAUNKNOWN000000000" });

        answer.Outcome.ShouldBe(ProviderOutcome.CredentialsRefused);
        answer.ProviderCode.ShouldBe("UnrecognizedClientException");
        fixture.State.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task Temporary_credentials_without_their_session_token_are_refused()
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Aws, Phone);

        var answer = await fixture.Provider().SendDeleteAsync(
            new MediaTarget(mediaId, Phone), AwsSandboxFixture.TemporaryCredentials with { SessionToken = null });

        answer.Outcome.ShouldBe(ProviderOutcome.CredentialsRefused);
        answer.ProviderCode.ShouldBe("UnrecognizedClientException");
    }

    [Theory]
    [InlineData(-301, "Signature expired")]
    [InlineData(301, "Signature not yet current")]
    public async Task A_clock_more_than_five_minutes_off_is_refused(int offsetSeconds, string message)
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Aws, Phone);
        var skewed = new FakeTimeProvider(FakeClockSandboxFixture.Now + TimeSpan.FromSeconds(offsetSeconds));

        var answer = await fixture.Provider(skewed).SendDeleteAsync(new MediaTarget(mediaId, Phone), AwsSandboxFixture.Credentials);

        answer.Outcome.ShouldBe(ProviderOutcome.CredentialsRefused);
        answer.ProviderCode.ShouldBe("InvalidSignatureException");
        answer.ProviderMessage.ShouldNotBeNull().ShouldStartWith(message);
        fixture.State.HasMedia(mediaId).ShouldBeTrue();
    }

    [Theory]
    [InlineData(-299)]
    [InlineData(299)]
    public async Task A_clock_within_five_minutes_is_accepted(int offsetSeconds)
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Aws, Phone);
        var skewed = new FakeTimeProvider(FakeClockSandboxFixture.Now + TimeSpan.FromSeconds(offsetSeconds));

        var answer = await fixture.Provider(skewed).SendDeleteAsync(new MediaTarget(mediaId, Phone), AwsSandboxFixture.Credentials);

        answer.Outcome.ShouldBe(ProviderOutcome.Deleted);
    }

    [Fact]
    public async Task Rejected_when_aws_refuses_the_parameters()
    {
        // Validate keeps every id AWS would refuse from being sent, so the provider itself cannot draw a
        // ValidationException; this sends one by hand, signed like the provider signs, and classifies AWS's answer.
        var credentials = new SigV4Credentials(SandboxAccounts.Aws.AccessKeyId, SandboxAccounts.Aws.SecretAccessKey);
        var uri = new Uri(fixture.Endpoint + "/v1/whatsapp/media?mediaId=not-hex&originationPhoneNumberId=" + Phone);
        var signature = SigV4Signer.Sign(
            new SigV4Request("DELETE", uri.Authority, uri.AbsolutePath, SigV4QueryParameter.ParseWire(uri.Query), []),
            credentials,
            "us-east-1",
            AwsMediaProvider.SigningName,
            FakeClockSandboxFixture.Now);
        using var request = new HttpRequestMessage(HttpMethod.Delete, uri);
        request.Headers.TryAddWithoutValidation("X-Amz-Date", signature.AmzDate);
        request.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);

        using var response = await fixture.HttpClient.SendAsync(request);
        var answer = await AwsAnswerClassifier.ClassifyAsync(response, fixture.Clock, credentials, CancellationToken.None);

        answer.Outcome.ShouldBe(ProviderOutcome.Rejected);
        answer.HttpStatus.ShouldBe(400);
        answer.ProviderCode.ShouldBe("ValidationException");
        answer.ProviderMessage.ShouldNotBeNull().ShouldContain("mediaId");
    }

    [Fact]
    public void The_sandbox_hands_out_aws_shaped_media_ids()
    {
        var ids = Enumerable.Range(0, 3).Select(_ => fixture.Sandbox.CreateMedia(ProviderKind.Aws)).ToList();

        ids.ShouldAllBe(id => MediaIdShape().IsMatch(id));
        ids.ShouldBeUnique();
        ids.ShouldAllBe(id => AwsIdentifiers.IsMediaId(id));
    }

    [GeneratedRegex(@"\A[0-9a-f]{32}\z")]
    private static partial Regex MediaIdShape();
}
