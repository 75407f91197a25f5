using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.Aws;
using WhatsAppMedia.Core.Providers.Meta;
using WhatsAppMedia.Core.Tests.Support;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.Core.Tests.Providers.Aws;

/// <summary>Identifiers, credentials and endpoints are refused before anything is built or sent.</summary>
public class AwsMediaProviderValidationTests(AwsSandboxFixture fixture) : IClassFixture<AwsSandboxFixture>
{
    private const string Phone = SandboxAccounts.Aws.PhoneNumberId;
    private const string MediaId = "3f5a1b2c4d6e7f8091a2b3c4d5e6f708";

    public static TheoryData<string> HostileMediaIds => new()
    {
        "",
        "../3f5a1b2c",
        "..",
        "%2F",
        "3f5a/1b2c",
        "3f5a?x=1",
        "3f5a#x",
        "3f5a&originationPhoneNumberId=phone-number-id-x",
        "3f5a\r\nx-amz-date: 1",
        "3f5a\n",
        "3f5a 1b2c",
        "3f5a-1b2c",
        "3f5añ",
        "３f5a",
        new string('a', 101),
    };

    public static TheoryData<string> HostilePhones => new()
    {
        "phone-number-id-",
        "phone-number-id-abc/../x",
        "phone-number-id-abc\n",
        "phone-number-id-abc def",
        "phone-number-id-ábc",
        "phone-number-id-abc&mediaId=x",
        "PHONE-NUMBER-ID-abc",
        "0123456789",
        "arn:aws:sns:us-east-1:123456789012:phone-number-id/abc",
        "arn:aws:social-messaging:us-east-1:12345:phone-number-id/abc",
        "arn:aws:social-messaging:US-EAST-1:123456789012:phone-number-id/abc",
        "arn:aws:social-messaging:us-east-1:123456789012:phone-number-id/abc/../x",
        "arn:aws:social-messaging:us-east-1:123456789012:waba/abc",
        "phone-number-id-" + new string('a', 85),
    };

    [Theory]
    [InlineData(MediaId, Phone)]
    [InlineData("A", "phone-number-id-x")]
    [InlineData("0123456789abcdefABCDEF0123456789abcdefABCDEF0123456789abcdefABCDEF0123456789abcdefABCDEF0123456789", Phone)]
    [InlineData(MediaId, "arn:aws:social-messaging:us-east-1:123456789012:phone-number-id/976c72a700aac43eaf573ae050example")]
    [InlineData(MediaId, "arn:aws-us-gov:social-messaging:us-gov-west-1:123456789012:phone-number-id/abc")]
    public void Accepts_aws_media_ids_and_phone_number_ids(string mediaId, string phone) =>
        Provider(RecordingHandler.Answering(HttpStatusCode.OK, """{"success":true}""")).Validate(new MediaTarget(mediaId, phone)).ShouldBeNull();

    [Theory]
    [MemberData(nameof(HostileMediaIds))]
    public void Refuses_a_malformed_media_id_without_sending_anything(string mediaId)
    {
        var before = fixture.State.Requests.Count;
        var provider = fixture.Provider();
        var target = new MediaTarget(mediaId, Phone);

        var error = provider.Validate(target).ShouldNotBeNull();
        var thrown = EntryCheck.Refuses(provider, target);

        error.Code.ShouldBe(ErrorCodes.InvalidMediaId);
        AssertSaysNothingOf(error, thrown, provider.Validate(new MediaTarget("x-y", Phone))!);
        fixture.State.Requests.Count.ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(HostilePhones))]
    public void Refuses_a_malformed_phone_number_id_without_sending_anything(string phone)
    {
        var before = fixture.State.Requests.Count;
        var provider = fixture.Provider();
        var target = new MediaTarget(MediaId, phone);

        var error = provider.Validate(target).ShouldNotBeNull();
        var thrown = EntryCheck.Refuses(provider, target);

        error.Code.ShouldBe(ErrorCodes.InvalidPhone);
        AssertSaysNothingOf(error, thrown, provider.Validate(new MediaTarget(MediaId, "x"))!);
        fixture.State.Requests.Count.ShouldBe(before);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Requires_a_phone_number_id(string? phone)
    {
        var before = fixture.State.Requests.Count;
        var provider = fixture.Provider();
        var target = new MediaTarget(MediaId, phone);

        provider.Validate(target).ShouldNotBeNull().Code.ShouldBe(ErrorCodes.PhoneRequired);
        EntryCheck.Refuses(provider, target);
        fixture.State.Requests.Count.ShouldBe(before);
    }

    [Fact]
    public async Task Refuses_credentials_of_another_provider()
    {
        var before = fixture.State.Requests.Count;

        var thrown = await Should.ThrowAsync<ArgumentException>(() =>
            fixture.Provider().SendDeleteAsync(new MediaTarget(MediaId, Phone), new MetaCredentials("EAA-not-for-aws")));

        thrown.ParamName.ShouldBe("credentials");
        thrown.Message.ShouldNotContain("EAA-not-for-aws");
        fixture.State.Requests.Count.ShouldBe(before);
    }

    [Theory]
    [InlineData("us-east-1.evil.example")]
    [InlineData("evil.example/us-east-1")]
    [InlineData("us-east-1/")]
    [InlineData("us-east-1\n")]
    [InlineData("US-EAST-1")]
    [InlineData("us east 1")]
    [InlineData("useast1")]
    [InlineData("")]
    public async Task Refuses_a_region_that_is_not_a_region_name(string region)
    {
        var before = fixture.State.Requests.Count;
        var handler = RecordingHandler.Answering(HttpStatusCode.OK, """{"success":true}""");

        foreach (var provider in (IMediaProvider[])[fixture.Provider(), Provider(handler)])
        {
            var thrown = await Should.ThrowAsync<ArgumentException>(() =>
                provider.SendDeleteAsync(new MediaTarget(MediaId, Phone), AwsSandboxFixture.Credentials with { Region = region }));
            thrown.Message.ShouldStartWith("Tenant document field 'credentials.region' must be an AWS region");
            thrown.ParamName.ShouldBe("credentials");
        }

        fixture.State.Requests.Count.ShouldBe(before);
        handler.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("AKIA/EXAMPLE", "secret", null)]
    [InlineData("AKIA, Signature=0", "secret", null)]
    [InlineData("", "secret", null)]
    [InlineData("AKIAEXAMPLE", "", null)]
    [InlineData("ASIAEXAMPLE", "secret", "token\r\nX-Injected: 1")]
    [InlineData("ASIAEXAMPLE", "secret", "token with spaces")]
    [InlineData("ASIAEXAMPLE", "secret", "")]
    public async Task Refuses_credentials_that_cannot_be_sent_safely(string accessKeyId, string secret, string? sessionToken)
    {
        var before = fixture.State.Requests.Count;

        var thrown = await Should.ThrowAsync<ArgumentException>(() => fixture.Provider().SendDeleteAsync(
            new MediaTarget(MediaId, Phone), new AwsCredentials(accessKeyId, secret, sessionToken, "us-east-1")));

        thrown.Message.ShouldStartWith("Tenant document field 'credentials.");
        thrown.ParamName.ShouldBe("credentials");
        if (sessionToken is { Length: > 0 })
        {
            thrown.Message.ShouldNotContain(sessionToken, Case.Sensitive);
        }

        fixture.State.Requests.Count.ShouldBe(before);
    }

    [Theory]
    [InlineData("http://social-messaging.example.com/")]
    [InlineData("https://user:pass@social-messaging.example.com/")]
    public void Refuses_an_endpoint_that_would_expose_the_credentials_at_start(string endpoint)
    {
        new AwsOptionsValidator().Validate(null, new AwsOptions { Endpoint = new Uri(endpoint) })
            .Failures.ShouldHaveSingleItem().ShouldStartWith("Providers:Aws:Endpoint must be an absolute https URL");
        new AwsOptionsValidator().Validate(null, new AwsOptions()).Succeeded.ShouldBeTrue("unset means each tenant's regional endpoint");
    }

    [Fact]
    public async Task Without_an_endpoint_it_calls_the_regional_aws_endpoint()
    {
        var handler = RecordingHandler.Answering(HttpStatusCode.OK, """{"success":true}""");

        var answer = await Provider(handler).SendDeleteAsync(new MediaTarget(MediaId, Phone), AwsSandboxFixture.Credentials with { Region = "eu-west-1" });

        answer.Outcome.ShouldBe(ProviderOutcome.Deleted);
        var request = handler.Requests.ShouldHaveSingleItem();
        request.RequestUri.ShouldBe(new Uri($"https://social-messaging.eu-west-1.amazonaws.com/v1/whatsapp/media?mediaId={MediaId}&originationPhoneNumberId={Phone}"));
        request.Headers.Host.ShouldBe("social-messaging.eu-west-1.amazonaws.com");
        request.Headers.GetValues("Authorization").ShouldHaveSingleItem().ShouldContain("/eu-west-1/social-messaging/aws4_request, ");
    }

    /// <summary>The provider notes' worked example, end to end through the provider: same URL, headers and signature.</summary>
    [Theory]
    [InlineData("phone-number-id-01234567890123456789012345678901", "b2d4e575024a89a2ef37653ed7365ace1ef39f22cd83c8da73b3adfbd6470934")]
    [InlineData("arn:aws:social-messaging:us-east-1:123456789012:phone-number-id/01234567890123456789012345678901", "3a2aeab9ea6becd0de88d0e8bfa8c23e88017308111e4fd417ac1dd6bea49e44")]
    public async Task Sends_the_worked_example_signed_as_expected(string phone, string signature)
    {
        var handler = RecordingHandler.Answering(HttpStatusCode.OK, """{"success":true}""");
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2015-08-30T12:36:00Z", CultureInfo.InvariantCulture));
        var provider = new AwsMediaProvider(new HttpClient(handler), Options.Create(new AwsOptions()), clock);

        await provider.SendDeleteAsync(
            new MediaTarget(MediaId, phone),
            new AwsCredentials(SigV4VectorRequest.AccessKeyId, SigV4VectorRequest.SecretAccessKey, null, "us-east-1"));

        var request = handler.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe(HttpMethod.Delete);
        request.RequestUri!.AbsoluteUri.ShouldBe(
            $"https://social-messaging.us-east-1.amazonaws.com/v1/whatsapp/media?mediaId={MediaId}&originationPhoneNumberId={AwsUriEncoding.Encode(phone)}");
        request.Headers.GetValues("X-Amz-Date").ShouldBe(["20150830T123600Z"]);
        request.Headers.GetValues("Authorization").ShouldBe(
            [$"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/social-messaging/aws4_request, SignedHeaders=host;x-amz-date, Signature={signature}"]);
        request.Content.ShouldBeNull();
    }

    [Fact]
    public void Aws_credentials_redact_their_secrets()
    {
        var text = AwsSandboxFixture.TemporaryCredentials.ToString();

        text.ShouldNotContain(SandboxAccounts.Aws.TemporarySecretAccessKey);
        text.ShouldNotContain(SandboxAccounts.Aws.SessionToken);
        text.ShouldContain(SandboxAccounts.Aws.TemporaryAccessKeyId);
    }

    private static AwsMediaProvider Provider(RecordingHandler handler) =>
        new(new HttpClient(handler), Options.Create(new AwsOptions()), new FakeTimeProvider(FakeClockSandboxFixture.Now));

    /// <summary>The message is the same whatever was refused, so it cannot carry the refused value.</summary>
    private static void AssertSaysNothingOf(IdentifierError error, IdentifierError thrown, IdentifierError errorForHarmlessValue)
    {
        error.ShouldBe(errorForHarmlessValue);
        thrown.ShouldBe(error);
    }
}
