using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.NxCloud;
using WhatsAppMedia.Core.Tests.Support;

namespace WhatsAppMedia.Core.Tests.Providers.NxCloud;

/// <summary>
/// NxCloud's getMedia (nxtele/nxcloud-doc-en wiki, "WhatsApp API getMedia"): deleteMedia's request with action
/// <c>getMedia</c>, and its answers read. The sandbox does not imitate getMedia, so the answers are NxCloud's documented
/// ones given by <see cref="RecordingHandler.Answering"/>.
/// </summary>
public sealed class NxCloudMetadataTests
{
    private const string Phone = "8613800138000";
    private const string MediaId = "fd81acff-eea8-4d9d-acc9-6c62904d6615";
    private static readonly NxCloudCredentials Credentials = new("fme2na3kdi3ki", "abciiiko2k3");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Sends_deleteMedias_body_signed_for_action_getMedia_and_reads_the_documented_answer()
    {
        using var handler = RecordingHandler.Answering(
            HttpStatusCode.OK,
            """{"code":0,"data":{"mime_type":"image/webp","file_name":"c5e744fab2a3b69941ed3c64","url":"https://goss.oss-cn-hongkong.aliyuncs.com/c5e744fab2a3b69941ed3c64"},"message":"Request successful"}""");

        var answer = await Provider(handler).SendGetMetadataAsync(new MediaTarget(MediaId, Phone), Credentials);

        answer.Failure.ShouldBeNull();
        answer.Metadata.ShouldBe(new Core.Retrievals.MediaMetadata("image/webp", null, null, "https://goss.oss-cn-hongkong.aliyuncs.com/c5e744fab2a3b69941ed3c64"));
        var request = handler.Requests.ShouldHaveSingleItem();
        request.RequestUri!.AbsoluteUri.ShouldBe("https://api2.nxcloud.com/api/wa/getMedia");
        // The content is gone with the request; the sign is over the exact bytes sent, so it pins the body too.
        var body = $$"""{"business_phone":"{{Phone}}","Media-ID":"{{MediaId}}","messaging_product":"whatsapp"}""";
        var ts = _clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        request.Headers.GetValues("action").ShouldBe(["getMedia"]);
        request.Headers.GetValues("sign").ShouldBe([IndependentMd5Hex(
            $"accessKey=fme2na3kdi3ki&action=getMedia&bizType=2&ts={ts}&body={body}&accessSecret=abciiiko2k3")]);
    }

    [Theory]
    [InlineData("""{"code":1003,"message":"sign error","data":null}""", ProviderOutcome.CredentialsRefused)]
    [InlineData("""{"code":1001,"message":"param error","data":null}""", ProviderOutcome.Rejected)]
    [InlineData("""{"code":0,"message":"ok","data":{}}""", ProviderOutcome.Transient)]
    [InlineData("""{"code":0,"message":"ok","data":{"mime_type":"image/webp"}}""", ProviderOutcome.Transient)]
    // deleteMedia's success shape in answer to getMedia says nothing of the media; never "deleted" for a metadata call.
    [InlineData("""{"code":0,"message":"ok","data":{"success":true}}""", ProviderOutcome.Transient)]
    [InlineData("<html>bad gateway</html>", ProviderOutcome.Transient)]
    public async Task Anything_but_the_metadata_is_classified_as_for_a_delete(string body, ProviderOutcome outcome)
    {
        using var handler = RecordingHandler.Answering(HttpStatusCode.OK, body);

        var answer = await Provider(handler).SendGetMetadataAsync(new MediaTarget(MediaId, Phone), Credentials);

        answer.Metadata.ShouldBeNull();
        answer.Failure!.Outcome.ShouldBe(outcome);
    }

    [Fact]
    public void Offers_no_content_the_service_could_fetch_with_the_tenants_credentials()
    {
        using var handler = RecordingHandler.Answering(HttpStatusCode.OK, "{}");

        Provider(handler).ContentBearerToken(Credentials).ShouldBeNull();
    }

    [SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "NxCloud's signature is MD5; the test recomputes it independently.")]
    private static string IndependentMd5Hex(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    private NxCloudMediaProvider Provider(RecordingHandler handler) =>
        new(new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri("https://api2.nxcloud.com/") }, _clock);
}
