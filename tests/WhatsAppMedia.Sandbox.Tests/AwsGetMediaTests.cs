using System.Net;
using System.Text;
using System.Text.Json;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.Aws;
using WhatsAppMedia.Core.Tests.Providers.Aws;
using WhatsAppMedia.Core.Tests.Support;
using WhatsAppMedia.Sandbox;
using WhatsAppMedia.Sandbox.Media;

namespace WhatsAppMedia.Sandbox.Tests;

/// <summary>
/// GetWhatsAppMessageMedia (<c>POST /v1/whatsapp/media/get</c>) in the AWS sandbox: SigV4 checked over the JSON body
/// as received, then the body, then the media. Requests are signed by hand so each can be wrong in one way.
/// </summary>
public sealed class AwsGetMediaTests(AwsSandboxFixture fixture) : IClassFixture<AwsSandboxFixture>
{
    private const string Phone = SandboxAccounts.Aws.PhoneNumberId;
    private const string PhoneArn = "arn:aws:social-messaging:us-east-1:123456789012:phone-number-id/0123456789abcdef0123456789abcdef";
    private static readonly SigV4Credentials LongTerm = new(SandboxAccounts.Aws.AccessKeyId, SandboxAccounts.Aws.SecretAccessKey);

    [Fact]
    public async Task Answers_the_mime_type_and_the_size_in_KB_as_a_number_and_keeps_the_media()
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Aws, Phone, SandboxMediaContent.Generated(12345, "audio/ogg"));

        using var response = await SendAsync(Body(mediaId, Phone));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"mimeType":"audio/ogg","fileSize":13}""");
        fixture.State.HasMedia(mediaId).ShouldBeTrue();
    }

    /// <summary>The model says "in KB" and nothing about part KBs: the sandbox rounds up, so only an empty file is 0.</summary>
    [Theory]
    [InlineData(0L, 0L)]
    [InlineData(1L, 1L)]
    [InlineData(1023L, 1L)]
    [InlineData(1024L, 1L)]
    [InlineData(1025L, 2L)]
    [InlineData(104_857_600L, 102_400L)]
    public async Task The_size_is_in_KB_of_1024_bytes_rounded_up(long bytes, long kilobytes)
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Aws, Phone, SandboxMediaContent.Generated(bytes, "application/pdf"));

        using var response = await SendAsync(Body(mediaId, Phone));

        (await response.Content.ReadAsStringAsync()).ShouldBe($$"""{"mimeType":"application/pdf","fileSize":{{kilobytes}}}""");
    }

    [Fact]
    public async Task Demo_media_are_the_png()
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Aws);

        using var response = await SendAsync(Body(mediaId, PhoneArn), declareContentHash: true);

        (await response.Content.ReadAsStringAsync()).ShouldBe($$"""{"mimeType":"image/png","fileSize":{{(SandboxMediaContent.DemoImage.Length + 1023) / 1024}}}""");
    }

    [Fact]
    public async Task Refuses_a_body_changed_after_signing()
    {
        var signedFor = fixture.Sandbox.CreateMedia(ProviderKind.Aws, Phone);
        var sentFor = fixture.Sandbox.CreateMedia(ProviderKind.Aws, Phone);

        using var response = await SendAsync(Body(sentFor, Phone), signedBody: Body(signedFor, Phone));

        await AwsErrorAssertions.ShouldBeRefusedAsync(response, HttpStatusCode.Forbidden, "InvalidSignatureException");
    }

    [Fact]
    public async Task Refuses_a_declared_content_hash_that_is_not_the_bodys()
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Aws, Phone);

        using var response = await SendAsync(Body(mediaId, Phone), declaredContentHash: SigV4Signer.EmptyPayloadHash);

        (await AwsErrorAssertions.ShouldBeRefusedAsync(response, HttpStatusCode.Forbidden, "InvalidSignatureException"))
            .ShouldContain("x-amz-content-sha256");
    }

    [Fact]
    public async Task Refuses_an_unsigned_request()
    {
        using var response = await SendAsync(Body("0123", Phone), tamper: request => request.Headers.Remove("Authorization"));

        await AwsErrorAssertions.ShouldBeRefusedAsync(response, HttpStatusCode.Forbidden, "MissingAuthenticationTokenException");
    }

    [Fact]
    public async Task Answers_404_for_unknown_media_or_another_phones()
    {
        var owned = fixture.Sandbox.CreateMedia(ProviderKind.Aws, "phone-number-id-ffff");

        using var unknown = await SendAsync(Body("ffffffffffffffffffffffffffffffff", Phone));
        using var others = await SendAsync(Body(owned, Phone));

        await AwsErrorAssertions.ShouldBeRefusedAsync(unknown, HttpStatusCode.NotFound, "ResourceNotFoundException", expectNamespace: false);
        await AwsErrorAssertions.ShouldBeRefusedAsync(others, HttpStatusCode.NotFound, "ResourceNotFoundException", expectNamespace: false);
    }

    [Theory]
    [InlineData("""{"mediaId":"3f5a1b2c","originationPhoneNumberId":"phone-number-id-0123"}""", "destinationS3File")]
    [InlineData("""{"mediaId":"3f5a1b2c","originationPhoneNumberId":"phone-number-id-0123","metadataOnly":false}""", "destinationS3File")]
    [InlineData("""{"mediaId":"3f5a1b2c","originationPhoneNumberId":"phone-number-id-0123","destinationS3File":{"bucketName":"b","key":"k"}}""", "S3")]
    [InlineData("""{"originationPhoneNumberId":"phone-number-id-0123","metadataOnly":true}""", "Value null at 'mediaId'")]
    [InlineData("""{"mediaId":"3f5a-1b2c","originationPhoneNumberId":"phone-number-id-0123","metadataOnly":true}""", "'mediaId'")]
    [InlineData("""{"mediaId":"3f5a1b2c","metadataOnly":true}""", "Value null at 'originationPhoneNumberId'")]
    [InlineData("""{"mediaId":"3f5a1b2c","originationPhoneNumberId":"0123","metadataOnly":true}""", "'originationPhoneNumberId'")]
    public async Task Refuses_a_request_aws_would_not_take_with_validation_exception(string body, string messagePart)
    {
        using var response = await SendAsync(body);

        (await AwsErrorAssertions.ShouldBeRefusedAsync(response, HttpStatusCode.BadRequest, "ValidationException", expectNamespace: false)).ShouldContain(messagePart);
    }

    [Theory]
    [InlineData("not json", "application/json", "not valid JSON")]
    [InlineData("[]", "application/json", "JSON object")]
    [InlineData("""{"mediaId":3,"originationPhoneNumberId":"phone-number-id-0123","metadataOnly":true}""", "application/json", "'mediaId'")]
    [InlineData("""{"mediaId":"3f","originationPhoneNumberId":"phone-number-id-0123","metadataOnly":"true"}""", "application/json", "'metadataOnly'")]
    [InlineData("""{"mediaId":"3f","originationPhoneNumberId":"phone-number-id-0123","metadataOnly":true}""", "text/plain", "Content-Type")]
    public async Task Refuses_a_body_that_is_not_the_json_object_with_serialization_exception(string body, string contentType, string messagePart)
    {
        using var response = await SendAsync(body, contentType: contentType);

        (await AwsErrorAssertions.ShouldBeRefusedAsync(response, HttpStatusCode.BadRequest, "SerializationException", expectNamespace: false)).ShouldContain(messagePart);
    }

    [Fact]
    public async Task Renders_faults_as_for_delete_and_a_media_fault_finds_the_id_in_the_body()
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Aws, Phone);
        fixture.State.InjectFault(SandboxFault.Throttle(TimeSpan.FromSeconds(1)) with { MediaId = mediaId });

        using var throttled = await SendAsync(Body(mediaId, Phone));
        using var answered = await SendAsync(Body(mediaId, Phone));

        await AwsErrorAssertions.ShouldBeRefusedAsync(throttled, HttpStatusCode.TooManyRequests, "ThrottlingException");
        answered.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static string Body(string mediaId, string phone) =>
        JsonSerializer.Serialize(new { mediaId, originationPhoneNumberId = phone, metadataOnly = true });

    /// <summary>
    /// Sends <c>POST {endpoint}/v1/whatsapp/media/get</c> with <paramref name="body"/>, signed over
    /// <paramref name="signedBody"/> (by default what is sent), then lets <paramref name="tamper"/> change the request.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(
        string body,
        string? signedBody = null,
        string contentType = "application/json",
        bool declareContentHash = false,
        string? declaredContentHash = null,
        Action<HttpRequestMessage>? tamper = null)
    {
        var uri = new Uri($"{fixture.Endpoint}/v1/whatsapp/media/get");
        var payloadHash = SigV4Signer.HashHex(Encoding.UTF8.GetBytes(signedBody ?? body));
        var contentHash = declaredContentHash ?? (declareContentHash ? payloadHash : null);
        var signature = SigV4Signer.Sign(
            new SigV4Request("POST", uri.Authority, uri.AbsolutePath, [], contentHash is null ? [] : [new("x-amz-content-sha256", contentHash)], payloadHash),
            LongTerm,
            "us-east-1",
            AwsMediaProvider.SigningName,
            FakeClockSandboxFixture.Now);

        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.TryAddWithoutValidation("X-Amz-Date", signature.AmzDate);
        request.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
        if (contentHash is not null)
        {
            request.Headers.TryAddWithoutValidation("x-amz-content-sha256", contentHash);
        }

        tamper?.Invoke(request);
        return await fixture.HttpClient.SendAsync(request);
    }
}
