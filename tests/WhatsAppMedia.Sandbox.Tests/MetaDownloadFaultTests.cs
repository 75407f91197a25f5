using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Sandbox;
using WhatsAppMedia.Sandbox.Media;

namespace WhatsAppMedia.Sandbox.Tests;

/// <summary>
/// The faults that make Meta's metadata lie about the bytes and make its download fail part-way, injected in process
/// and through the control API, and the counters that let a test see a client's cancellation reach the provider.
/// Each test makes its own sandbox: download counters and fault queues are per sandbox.
/// </summary>
public sealed class MetaDownloadFaultTests : SandboxOfItsOwn
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private SandboxProviderState Meta => Sandbox.Meta;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Http.BaseAddress = Sandbox.BaseUri;
        Http.DefaultRequestHeaders.Authorization = new("Bearer", SandboxAccounts.Meta.AccessToken);
    }

    [Fact]
    public async Task WrongSha256_declares_another_hash_once_while_the_download_stays_true()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta);
        Meta.InjectFault(SandboxFault.WrongSha256(mediaId));

        var lying = await RetrieveAsync(mediaId);
        var honest = await RetrieveAsync(mediaId);
        var bytes = await Http.GetByteArrayAsync(Url(lying));

        var declared = lying.GetProperty("sha256").GetString().ShouldNotBeNull();
        declared.ShouldNotBe(SandboxMediaContent.DemoImage.Sha256);
        declared.Length.ShouldBe(64);
        declared.ShouldAllBe(character => char.IsAsciiHexDigitLower(character) || char.IsAsciiDigit(character));
        honest.GetProperty("sha256").GetString().ShouldBe(SandboxMediaContent.DemoImage.Sha256);
        Convert.ToHexStringLower(SHA256.HashData(bytes)).ShouldBe(SandboxMediaContent.DemoImage.Sha256);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    [InlineData(1_000_000)]
    public async Task WrongFileSize_declares_a_larger_or_smaller_size_while_the_download_sends_the_true_length(long delta)
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta);
        Meta.InjectFault(SandboxFault.WrongFileSize(delta));

        var metadata = await RetrieveAsync(mediaId);
        using var download = await Http.GetAsync(Url(metadata));

        metadata.GetProperty("file_size").GetString().ShouldBe((SandboxMediaContent.DemoImage.Length + delta).ToString(CultureInfo.InvariantCulture));
        download.Content.Headers.ContentLength.ShouldBe(SandboxMediaContent.DemoImage.Length);
        (await download.Content.ReadAsByteArrayAsync()).Length.ShouldBe((int)SandboxMediaContent.DemoImage.Length);
    }

    [Fact]
    public async Task FileSizeAsNumber_sends_file_size_as_a_json_number()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta);
        Meta.InjectFault(SandboxFault.FileSizeAsNumber());

        var metadata = await RetrieveAsync(mediaId);

        metadata.GetProperty("file_size").ValueKind.ShouldBe(JsonValueKind.Number);
        metadata.GetProperty("file_size").GetInt64().ShouldBe(SandboxMediaContent.DemoImage.Length);
    }

    [Fact]
    public async Task A_download_fault_waits_for_the_download_and_a_metadata_fault_for_the_metadata()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta);
        Meta.InjectFault(SandboxFault.ExpireDownload());
        Meta.InjectFault(SandboxFault.WrongSha256());

        var metadata = await RetrieveAsync(mediaId);
        using var download = await Http.GetAsync(Url(metadata));

        metadata.GetProperty("sha256").GetString().ShouldNotBe(SandboxMediaContent.DemoImage.Sha256, "the metadata fault was queued second but lands on the first metadata request");
        download.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TruncateDownload_sends_the_full_content_length_then_closes_the_connection_after_some_bytes()
    {
        var content = SandboxMediaContent.Generated(1024 * 1024, "video/mp4", seed: 7);
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta, content: content);
        Meta.InjectFault(SandboxFault.TruncateDownload(afterBytes: 100_000, mediaId: mediaId));
        var url = Url(await RetrieveAsync(mediaId));

        using var response = await Http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var (received, failure) = await DrainAsync(body);

        response.Content.Headers.ContentLength.ShouldBe(content.Length);
        received.ShouldBe(100_000);
        failure.ShouldBeOfType<HttpIOException>();
        Meta.DownloadsCompleted.ShouldBe(0);
        Meta.DownloadsCancelled.ShouldBe(0, "the sandbox cut it; the client did not cancel");
    }

    [Fact]
    public async Task TruncateDownload_by_default_stops_half_way()
    {
        var content = SandboxMediaContent.Generated(200_000, "application/pdf");
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta, content: content);
        var url = Url(await RetrieveAsync(mediaId));
        Meta.InjectFault(SandboxFault.TruncateDownload());

        using var response = await Http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        var (received, failure) = await DrainAsync(await response.Content.ReadAsStreamAsync());

        received.ShouldBe(100_000);
        failure.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_client_that_gives_up_on_a_stalled_download_is_counted_as_cancelled()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta, content: SandboxMediaContent.Generated(1_000_000, "application/pdf"));
        var url = Url(await RetrieveAsync(mediaId));
        Meta.InjectFault(SandboxFault.StallDownload(afterBytes: 10));

        using (var response = await Http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead))
        {
            await using var body = await response.Content.ReadAsStreamAsync();
            var first = new byte[10];
            await body.ReadExactlyAsync(first);
            Meta.DownloadsStarted.ShouldBe(1);
            Meta.DownloadsCancelled.ShouldBe(0, "stalled, still waiting for the client");
        }

        await Meta.WaitForDownloadsCancelledAsync(1).WaitAsync(Guard);
        Meta.DownloadsCompleted.ShouldBe(0);
    }

    [Fact]
    public async Task A_client_that_stops_reading_a_large_download_and_disconnects_is_counted_as_cancelled()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta, content: SandboxMediaContent.Generated(64L * 1024 * 1024, "application/pdf"));
        var url = Url(await RetrieveAsync(mediaId));

        using (var response = await Http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead))
        {
            await using var body = await response.Content.ReadAsStreamAsync();
            await body.ReadExactlyAsync(new byte[1024]);
        }

        await Meta.WaitForDownloadsCancelledAsync(1).WaitAsync(Guard);
        Meta.DownloadsCompleted.ShouldBe(0);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.NotFound)]
    [InlineData(401, HttpStatusCode.Unauthorized)]
    public async Task ExpireDownload_refuses_a_fresh_url_as_expired(int? status, HttpStatusCode expected)
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta);
        var url = Url(await RetrieveAsync(mediaId));
        Meta.InjectFault(status is { } code ? SandboxFault.ExpireDownload(code) : SandboxFault.ExpireDownload());

        using var refused = await Http.GetAsync(url);
        using var accepted = await Http.GetAsync(url);

        refused.StatusCode.ShouldBe(expected);
        (await refused.Content.ReadAsStringAsync()).ShouldBe("URL signature expired");
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RefuseDownloadToken_answers_401_190_whatever_token_was_sent()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta);
        var url = Url(await RetrieveAsync(mediaId));
        Meta.InjectFault(SandboxFault.RefuseDownloadToken(mediaId));

        using var refused = await Http.GetAsync(url);

        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetInt32().ShouldBe(190);
        Meta.DownloadsStarted.ShouldBe(0);
    }

    [Fact]
    public async Task Download_faults_come_through_the_control_api_too()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta, content: SandboxMediaContent.Generated(50_000, "application/pdf"));
        using (var injected = await Http.PostAsJsonAsync("/_sandbox/meta/faults", new { kind = "truncateDownload", afterBytes = 123, mediaId }))
        {
            injected.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        using (var injected = await Http.PostAsJsonAsync("/_sandbox/meta/faults", new { kind = "wrongFileSize", fileSizeDelta = -7, mediaId }))
        {
            injected.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        var metadata = await RetrieveAsync(mediaId);
        using var response = await Http.GetAsync(Url(metadata), HttpCompletionOption.ResponseHeadersRead);
        var (received, _) = await DrainAsync(await response.Content.ReadAsStreamAsync());

        metadata.GetProperty("file_size").GetString().ShouldBe("49993");
        received.ShouldBe(123);
    }

    [Fact]
    public async Task The_control_api_reports_what_became_of_the_downloads()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta);
        await Http.GetByteArrayAsync(Url(await RetrieveAsync(mediaId)));

        var downloads = await Http.GetFromJsonAsync<JsonElement>("/_sandbox/meta/downloads");

        downloads.GetProperty("started").GetInt64().ShouldBe(1);
        downloads.GetProperty("completed").GetInt64().ShouldBe(1);
        downloads.GetProperty("cancelled").GetInt64().ShouldBe(0);
    }

    [Theory]
    [InlineData("""{"kind":"wrongFileSize"}""", "fileSizeDelta")]
    [InlineData("""{"kind":"wrongFileSize","fileSizeDelta":0}""", "fileSizeDelta")]
    [InlineData("""{"kind":"wrongFileSize","fileSizeDelta":1099511627777}""", "fileSizeDelta")]
    [InlineData("""{"kind":"throttle","fileSizeDelta":5}""", "fileSizeDelta")]
    [InlineData("""{"kind":"truncateDownload","afterBytes":-1}""", "afterBytes")]
    [InlineData("""{"kind":"wrongSha256","afterBytes":10}""", "afterBytes")]
    [InlineData("""{"kind":"expireDownload","status":403}""", "404")]
    [InlineData("""{"kind":"redirectDownload"}""", "Location")]
    [InlineData("""{"kind":"redirectDownload","headers":{"Location":"ftp://files.example/x"}}""", "Location")]
    [InlineData("""{"kind":"redirectDownload","status":200,"headers":{"Location":"https://files.example/x"}}""", "302")]
    [InlineData("""{"kind":"stallDownload","mediaId":""}""", "mediaId")]
    public async Task The_control_api_refuses_download_and_metadata_faults_it_cannot_give_and_injects_nothing(string body, string detailPart)
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta);

        using var response = await Http.PostAsync("/_sandbox/meta/faults", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var metadata = await RetrieveAsync(mediaId);
        using var download = await Http.GetAsync(Url(metadata));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain(detailPart);
        metadata.GetProperty("file_size").GetString().ShouldBe(SandboxMediaContent.DemoImage.Length.ToString(CultureInfo.InvariantCulture));
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        Meta.DownloadsCompleted.ShouldBe(1);
    }

    [Theory]
    [InlineData("aws", "truncateDownload")]
    [InlineData("nxcloud", "wrongSha256")]
    [InlineData("smsgatewaycenter", "stallDownload")]
    public async Task Only_meta_offers_the_metadata_and_download_faults(string provider, string kind)
    {
        using var response = await Http.PostAsJsonAsync($"/_sandbox/{provider}/faults", new { kind });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldNotBeNull();
        detail.ShouldContain(provider);
        detail.ShouldNotContain("TruncateDownload");
        Should.Throw<ArgumentException>(() => Sandbox.Aws.InjectFault(SandboxFault.TruncateDownload()));
    }

    private async Task<JsonElement> RetrieveAsync(string mediaId)
    {
        using var response = await Http.GetAsync($"/meta/v23.0/{mediaId}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Uri Url(JsonElement metadata) => new(metadata.GetProperty("url").GetString()!);

    /// <summary>Reads to the end or the first failure; returns how many bytes came and what stopped it, if anything did.</summary>
    private static async Task<(long Received, Exception? Failure)> DrainAsync(Stream body)
    {
        var buffer = new byte[16 * 1024];
        long received = 0;
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                received += read;
            }

            return (received, null);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            return (received, exception);
        }
    }
}
