using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.NxCloud;
using WhatsAppMedia.Core.Tests.Providers.NxCloud;
using WhatsAppMedia.Core.Tests.Support;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.Sandbox.Tests;

/// <summary>
/// The imitation refuses what NxCloud refuses, so a provider that passes against it has not passed by leniency.
/// Requests here are hand-built so each one breaks exactly one rule.
/// </summary>
[Collection(NxCloudSandboxCollection.Name)]
public sealed class NxCloudSandboxStrictnessTests(NxCloudSandboxFixture fixture)
{
    private const string Phone = SandboxAccounts.NxCloud.BusinessPhone;

    private static string SandboxTs => FakeClockSandboxFixture.Now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Any_key_order_and_spacing_is_accepted_when_the_sign_covers_those_exact_bytes()
    {
        var mediaId = fixture.CreateMedia(Phone);
        var body = $$"""{ "messaging_product": "whatsapp", "Media-ID": "{{mediaId}}", "business_phone": "{{Phone}}" }""";

        var (status, code, _) = await SendAsync(Build(body));

        status.ShouldBe(200);
        code.ShouldBe(0);
        fixture.State.HasMedia(mediaId).ShouldBeFalse();
    }

    [Fact]
    public async Task A_sign_over_a_reserialised_body_is_refused()
    {
        var mediaId = fixture.CreateMedia(Phone);
        var sent = $$"""{ "business_phone": "{{Phone}}", "Media-ID": "{{mediaId}}", "messaging_product": "whatsapp" }""";
        var compact = $$"""{"business_phone":"{{Phone}}","Media-ID":"{{mediaId}}","messaging_product":"whatsapp"}""";

        var (_, code, _) = await SendAsync(Build(sent, signedBody: compact));

        code.ShouldBe(NxCloudResultCodes.InvalidSignature);
        fixture.State.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_as_an_invalid_signature_and_classified_as_credentials_refused()
    {
        var mediaId = fixture.CreateMedia(Phone);

        var (status, code, raw) = await SendAsync(Build(ValidBody(mediaId), secret: "wrong-secret"));

        code.ShouldBe(NxCloudResultCodes.InvalidSignature);
        NxCloudAnswerReader.Classify(status, raw, null).Outcome.ShouldBe(ProviderOutcome.CredentialsRefused);
        fixture.State.HasMedia(mediaId).ShouldBeTrue();
    }

    [Theory]
    [InlineData("accessKey")]
    [InlineData("ts")]
    [InlineData("bizType")]
    [InlineData("action")]
    [InlineData("sign")]
    public async Task Each_of_the_five_headers_is_required(string header)
    {
        var mediaId = fixture.CreateMedia(Phone);
        using var request = Build(ValidBody(mediaId));
        request.Headers.Remove(header);

        var (_, code, _) = await SendAsync(request);

        code.ShouldBe(NxCloudResultCodes.MissingPublicParameters);
        fixture.State.HasMedia(mediaId).ShouldBeTrue();
    }

    [Theory]
    [InlineData("1", "deleteMedia")]
    [InlineData("2", "send")]
    [InlineData("2", "DeleteMedia")]
    public async Task Only_bizType_2_and_action_deleteMedia_are_accepted(string bizType, string action)
    {
        var mediaId = fixture.CreateMedia(Phone);

        var (_, code, _) = await SendAsync(Build(ValidBody(mediaId), bizType: bizType, action: action));

        code.ShouldBe(NxCloudResultCodes.ParameterError);
        fixture.State.HasMedia(mediaId).ShouldBeTrue();
    }

    [Theory]
    [InlineData("-61000")]
    [InlineData("61000")]
    [InlineData("not-a-number")]
    public async Task A_ts_outside_the_window_or_unreadable_is_refused_as_expired(string tsOrOffset)
    {
        var mediaId = fixture.CreateMedia(Phone);
        var ts = long.TryParse(tsOrOffset, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var offset)
            ? (FakeClockSandboxFixture.Now.ToUnixTimeMilliseconds() + offset).ToString(CultureInfo.InvariantCulture)
            : tsOrOffset;

        var (_, code, _) = await SendAsync(Build(ValidBody(mediaId), ts: ts));

        code.ShouldBe(NxCloudResultCodes.TimestampExpired);
        fixture.State.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task An_unregistered_access_key_is_refused()
    {
        var mediaId = fixture.CreateMedia(Phone);

        var (_, code, _) = await SendAsync(Build(ValidBody(mediaId), accessKey: "someoneelse"));

        code.ShouldBe(NxCloudResultCodes.InsufficientPermissions);
        fixture.State.HasMedia(mediaId).ShouldBeTrue();
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task A_body_that_is_not_declared_as_utf8_json_fails_the_signature(string contentType)
    {
        var mediaId = fixture.CreateMedia(Phone);
        using var request = Build(ValidBody(mediaId));
        request.Content!.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        var (_, code, _) = await SendAsync(request);

        code.ShouldBe(NxCloudResultCodes.InvalidSignature);
        fixture.State.HasMedia(mediaId).ShouldBeTrue();
    }

    [Theory]
    [InlineData("""{"business_phone":"{phone}","Media-ID":"{id}","messaging_product":"whatsapp","appkey":"x"}""", NxCloudResultCodes.ParameterError)]
    [InlineData("""{"business_phone":"{phone}","Media-ID":"{id}","Media-ID":"{id}","messaging_product":"whatsapp"}""", NxCloudResultCodes.ParameterError)]
    [InlineData("""{"business_phone":"{phone}","media_id":"{id}","messaging_product":"whatsapp"}""", NxCloudResultCodes.ParameterError)]
    [InlineData("""{"business_phone":"{phone}","Media-ID":"{id}"}""", NxCloudResultCodes.ParameterException)]
    [InlineData("""{"business_phone":"{phone}","Media-ID":"{id}","messaging_product":"sms"}""", NxCloudResultCodes.ParameterError)]
    [InlineData("""{"business_phone":"+{phone}","Media-ID":"{id}","messaging_product":"whatsapp"}""", NxCloudResultCodes.ParameterError)]
    [InlineData("""{"business_phone":{phone},"Media-ID":"{id}","messaging_product":"whatsapp"}""", NxCloudResultCodes.ParameterError)]
    [InlineData("""{"business_phone":"{phone}","Media-ID":"","messaging_product":"whatsapp"}""", NxCloudResultCodes.ParameterError)]
    [InlineData("""["{phone}","{id}","whatsapp"]""", NxCloudResultCodes.ParameterError)]
    [InlineData("""business_phone={phone}&Media-ID={id}""", NxCloudResultCodes.ParameterError)]
    public async Task A_correctly_signed_body_must_still_have_exactly_the_three_documented_keys(string template, int expectedCode)
    {
        var mediaId = fixture.CreateMedia(Phone);
        var body = template.Replace("{phone}", Phone, StringComparison.Ordinal).Replace("{id}", mediaId, StringComparison.Ordinal);

        var (status, code, raw) = await SendAsync(Build(body));

        code.ShouldBe(expectedCode);
        NxCloudAnswerReader.Classify(status, raw, null).Outcome.ShouldBe(ProviderOutcome.Rejected);
        fixture.State.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task Errors_use_NxClouds_envelope_and_success_its_documented_body()
    {
        var mediaId = fixture.CreateMedia(Phone);

        var (_, _, refused) = await SendAsync(Build(ValidBody(mediaId), accessKey: "someoneelse"));
        var (_, _, deleted) = await SendAsync(Build(ValidBody(mediaId)));

        refused.ShouldBe("""{"code":1005,"message":"Insufficient permissions","data":null}""");
        deleted.ShouldBe("""{"code":0,"data":{"success":true},"message":"success"}""");
    }

    [Fact]
    public async Task Faults_are_rendered_in_NxClouds_shape()
    {
        using var throttleRequest = Build(ValidBody(fixture.CreateMedia(Phone)));
        using var failRequest = Build(ValidBody(fixture.CreateMedia(Phone)));

        fixture.State.InjectFault(SandboxFault.Throttle(TimeSpan.FromMilliseconds(2500)));
        using var throttled = await fixture.HttpClient.SendAsync(throttleRequest);
        fixture.State.InjectFault(SandboxFault.ServerError(502));
        using var failed = await fixture.HttpClient.SendAsync(failRequest);

        ((int)throttled.StatusCode).ShouldBe(429);
        throttled.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(3));
        (await throttled.Content.ReadAsStringAsync()).ShouldBe("""{"code":-1,"message":"Too many requests","data":null}""");
        ((int)failed.StatusCode).ShouldBe(502);
        (await failed.Content.ReadAsStringAsync()).ShouldBe("""{"code":-1,"message":"Request failed","data":null}""");
    }

    [Fact]
    public void New_media_ids_are_uuids_the_provider_accepts()
    {
        var mediaId = fixture.CreateMedia();

        Guid.TryParseExact(mediaId, "D", out _).ShouldBeTrue();
        NxCloudIdentifiers.IsMediaId(mediaId).ShouldBeTrue();
    }

    private static string ValidBody(string mediaId) =>
        $$"""{"business_phone":"{{Phone}}","Media-ID":"{{mediaId}}","messaging_product":"whatsapp"}""";

    private HttpRequestMessage Build(
        string body,
        string? signedBody = null,
        string accessKey = SandboxAccounts.NxCloud.AccessKey,
        string secret = SandboxAccounts.NxCloud.AccessSecret,
        string? ts = null,
        string bizType = NxCloudProtocol.WhatsAppBizType,
        string action = NxCloudProtocol.DeleteMediaAction)
    {
        ts ??= SandboxTs;
        var request = new HttpRequestMessage(HttpMethod.Post, fixture.DeleteMediaUri)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("accessKey", accessKey);
        request.Headers.Add("ts", ts);
        request.Headers.Add("bizType", bizType);
        request.Headers.Add("action", action);
        request.Headers.Add("sign", NxCloudSigner.Sign(accessKey, action, bizType, ts, signedBody ?? body, secret));
        return request;
    }

    private async Task<(int Status, int Code, string Raw)> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await fixture.HttpClient.SendAsync(request);
            var raw = await response.Content.ReadAsStringAsync();
            using var document = JsonDocument.Parse(raw);
            return ((int)response.StatusCode, document.RootElement.GetProperty("code").GetInt32(), raw);
        }
    }
}
