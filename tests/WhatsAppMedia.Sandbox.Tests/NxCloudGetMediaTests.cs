using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.NxCloud;
using WhatsAppMedia.Sandbox;
using WhatsAppMedia.Sandbox.Media;

namespace WhatsAppMedia.Sandbox.Tests;

/// <summary>
/// NxCloud's getMedia in the sandbox: deleteMedia's checks with action getMedia, the documented answer, and its
/// presigned object-storage URL (no credentials, an hour by the sandbox's clock). Requests are signed by hand.
/// </summary>
public sealed class NxCloudGetMediaTests : SandboxOfItsOwn
{
    private const string Phone = SandboxAccounts.NxCloud.BusinessPhone;

    [Fact]
    public async Task Answers_the_documented_body_with_a_url_that_serves_the_bytes_without_credentials()
    {
        var content = SandboxMediaContent.Generated(70_000, "image/webp", seed: 4);
        var mediaId = Sandbox.CreateMedia(ProviderKind.NxCloud, Phone, content);

        var (status, answer) = await GetMediaAsync(mediaId);
        using var download = await Http.GetAsync(Url(answer));
        var bytes = await download.Content.ReadAsByteArrayAsync();

        status.ShouldBe(HttpStatusCode.OK);
        answer.GetProperty("code").GetInt32().ShouldBe(0);
        answer.GetProperty("message").GetString().ShouldBe("Request successful");
        var data = answer.GetProperty("data");
        data.EnumerateObject().Select(property => property.Name).ShouldBe(["mime_type", "file_name", "url"]);
        data.GetProperty("mime_type").GetString().ShouldBe("image/webp");
        data.GetProperty("file_name").GetString().ShouldBe(mediaId.Replace("-", string.Empty, StringComparison.Ordinal)[^24..]);
        Url(answer).GetLeftPart(UriPartial.Authority).ShouldBe(Sandbox.BaseUri.GetLeftPart(UriPartial.Authority));
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("image/webp");
        Convert.ToHexStringLower(SHA256.HashData(bytes)).ShouldBe(content.Sha256);
        Sandbox.NxCloud.HasMedia(mediaId).ShouldBeTrue("getMedia does not delete");
    }

    [Fact]
    public async Task Refuses_what_delete_refuses_with_the_same_codes()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.NxCloud, Phone);

        var (_, otherPhone) = await GetMediaAsync(mediaId, phone: "8613900139000");
        var (_, unknown) = await GetMediaAsync(Guid.NewGuid().ToString("D"));
        var (_, deleteAction) = await GetMediaAsync(mediaId, action: NxCloudProtocol.DeleteMediaAction);
        var (_, wrongSecret) = await GetMediaAsync(mediaId, secret: "wrong-secret");
        var (_, staleTs) = await GetMediaAsync(mediaId, ts: Clock.GetUtcNow().AddSeconds(-61));
        var (_, missingKey) = await GetMediaAsync(mediaId, body: $$"""{"business_phone":"{{Phone}}","messaging_product":"whatsapp"}""");

        otherPhone.GetProperty("code").GetInt32().ShouldBe(9002);
        unknown.GetProperty("code").GetInt32().ShouldBe(9002);
        deleteAction.GetProperty("code").GetInt32().ShouldBe(NxCloudResultCodes.ParameterError);
        wrongSecret.GetProperty("code").GetInt32().ShouldBe(NxCloudResultCodes.InvalidSignature);
        staleTs.GetProperty("code").GetInt32().ShouldBe(NxCloudResultCodes.TimestampExpired);
        missingKey.GetProperty("code").GetInt32().ShouldBe(NxCloudResultCodes.ParameterException);
        Sandbox.NxCloud.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task The_url_works_for_an_hour_then_is_refused_with_osss_403()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.NxCloud, Phone);
        var url = Url((await GetMediaAsync(mediaId)).Answer);

        Clock.Advance(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1));
        using (var valid = await Http.GetAsync(url))
        {
            valid.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        Clock.Advance(TimeSpan.FromSeconds(1));
        using var expired = await Http.GetAsync(url);

        expired.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await expired.Content.ReadAsStringAsync()).ShouldContain("<Code>AccessDenied</Code>");
    }

    [Theory]
    [InlineData("Expires")]
    [InlineData("Signature")]
    [InlineData("OSSAccessKeyId")]
    public async Task A_url_with_a_changed_parameter_is_refused_with_signature_does_not_match(string parameter)
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.NxCloud, Phone);
        var url = Url((await GetMediaAsync(mediaId)).Answer).AbsoluteUri;
        var value = System.Web.HttpUtility.ParseQueryString(new Uri(url).Query)[parameter]!;

        using var response = await Http.GetAsync(url.Replace($"{parameter}={value}", $"{parameter}={value}0", StringComparison.Ordinal));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("<Code>SignatureDoesNotMatch</Code>");
    }

    [Fact]
    public async Task The_url_of_media_deleted_since_is_osss_no_such_key()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.NxCloud, Phone);
        var url = Url((await GetMediaAsync(mediaId)).Answer);
        Sandbox.NxCloud.RemoveMedia(mediaId);

        using var response = await Http.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("<Code>NoSuchKey</Code>");
    }

    [Fact]
    public async Task Faults_land_on_getMedia_as_on_delete()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.NxCloud, Phone);
        Sandbox.NxCloud.InjectFault(SandboxFault.Reject() with { MediaId = mediaId });

        var (_, rejected) = await GetMediaAsync(mediaId);
        var (_, answered) = await GetMediaAsync(mediaId);

        rejected.GetProperty("code").GetInt32().ShouldBe(NxCloudResultCodes.ParameterError);
        answered.GetProperty("code").GetInt32().ShouldBe(0);
    }

    private static Uri Url(JsonElement answer) => new(answer.GetProperty("data").GetProperty("url").GetString()!);

    private async Task<(HttpStatusCode Status, JsonElement Answer)> GetMediaAsync(
        string mediaId,
        string phone = Phone,
        string action = NxCloudProtocol.GetMediaAction,
        string secret = SandboxAccounts.NxCloud.AccessSecret,
        DateTimeOffset? ts = null,
        string? body = null)
    {
        body ??= $$"""{"business_phone":"{{phone}}","Media-ID":"{{mediaId}}","messaging_product":"whatsapp"}""";
        var timestamp = (ts ?? Clock.GetUtcNow()).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Sandbox.BaseUrlFor(ProviderKind.NxCloud) + "/" + NxCloudProtocol.GetMediaPath))
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("accessKey", SandboxAccounts.NxCloud.AccessKey);
        request.Headers.Add("ts", timestamp);
        request.Headers.Add("bizType", NxCloudProtocol.WhatsAppBizType);
        request.Headers.Add("action", action);
        request.Headers.Add("sign", NxCloudSigner.Sign(SandboxAccounts.NxCloud.AccessKey, action, NxCloudProtocol.WhatsAppBizType, timestamp, body, secret));

        using var response = await Http.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
