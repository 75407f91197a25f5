using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Sandbox;
using WhatsAppMedia.Sandbox.Media;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>
/// GET …/media/{mediaId} and …/content through the local host's real port against the sandbox (docs/api.md, "Retrieval and download"): the
/// answers, and every bad input and failure path of the issue, each seen from the caller and from the provider.
/// Provider calls give up after three seconds (<see cref="ShortAttemptTimeoutFixture"/>), which is also the download's
/// idle timeout.
/// </summary>
public class LocalHostRetrievalTests(ShortAttemptTimeoutFixture host) : IClassFixture<ShortAttemptTimeoutFixture>
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    private SandboxProviderState Meta => host.Sandbox.State(ProviderKind.Meta);

    [Fact]
    public async Task Meta_metadata_is_the_providers_with_a_url_that_expires_in_five_minutes()
    {
        var mediaId = host.Sandbox.CreateMedia(ProviderKind.Meta);

        using var response = await Get($"/api/tenants/demo-meta/media/{mediaId}", "retrieve-1");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("tenantId").GetString().ShouldBe("demo-meta");
        body.GetProperty("mediaId").GetString().ShouldBe(mediaId);
        body.GetProperty("provider").GetString().ShouldBe("meta");
        body.GetProperty("mimeType").GetString().ShouldBe(SandboxMediaContent.DemoImage.MimeType);
        body.GetProperty("sha256").GetString().ShouldBe(SandboxMediaContent.DemoImage.Sha256);
        body.GetProperty("fileSize").GetInt64().ShouldBe(SandboxMediaContent.DemoImage.Length);
        body.GetProperty("url").GetString()!.ShouldStartWith(host.Sandbox.BaseUri.AbsoluteUri);
        var expiresAt = body.GetProperty("urlExpiresAt").GetDateTimeOffset();
        expiresAt.Offset.ShouldBe(TimeSpan.Zero);
        body.GetProperty("requestId").GetString().ShouldBe("retrieve-1");
    }

    [Fact]
    public async Task Aws_metadata_comes_from_GetWhatsAppMessageMedia_signed_over_its_body_without_hash_or_url()
    {
        var mediaId = host.Sandbox.CreateMedia(ProviderKind.Aws, content: SandboxMediaContent.Generated(300_000, "image/png"));

        using var response = await Get($"/api/tenants/demo-aws/media/{mediaId}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("provider").GetString().ShouldBe("aws");
        body.GetProperty("mimeType").GetString().ShouldBe(SandboxMediaContent.DemoImage.MimeType);
        // 300 000 bytes: AWS answers 293 KB (rounded up), the service 293 × 1024 bytes.
        body.GetProperty("fileSize").GetInt64().ShouldBe(300_032);
        body.TryGetProperty("sha256", out _).ShouldBeFalse();
        body.TryGetProperty("url", out _).ShouldBeFalse();
        body.TryGetProperty("urlExpiresAt", out _).ShouldBeFalse();
        var request = host.Sandbox.State(ProviderKind.Aws).Requests.Last(request => request.Body.Contains(mediaId, StringComparison.Ordinal));
        request.Method.ShouldBe("POST");
        request.Header("Authorization")!.ShouldContain("SignedHeaders=content-length;content-type;host;x-amz-content-sha256;x-amz-date");
    }

    [Fact]
    public async Task NxCloud_metadata_comes_from_getMedia_with_its_own_url_and_no_claimed_expiry()
    {
        var mediaId = host.Sandbox.CreateMedia(ProviderKind.NxCloud);

        using var response = await Get($"/api/tenants/demo-nxcloud/media/{mediaId}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("provider").GetString().ShouldBe("nxcloud");
        body.GetProperty("mimeType").GetString().ShouldBe(SandboxMediaContent.DemoImage.MimeType);
        new Uri(body.GetProperty("url").GetString()!).AbsolutePath.ShouldBe($"/nxcloud/oss/{mediaId}");
        body.TryGetProperty("urlExpiresAt", out _).ShouldBeFalse();
        body.TryGetProperty("sha256", out _).ShouldBeFalse();
        host.Sandbox.State(ProviderKind.NxCloud).Requests.Last().Header("action").ShouldBe("getMedia");
    }

    [Fact]
    public async Task Aws_metadata_of_unknown_media_is_404_media_not_found()
    {
        using var response = await Get("/api/tenants/demo-aws/media/0123456789abcdef0123456789abcdef");

        await IntegratorCalls.ShouldBeProblemAsync(response, HttpStatusCode.NotFound, "media_not_found");
    }

    [Theory]
    [InlineData("demo-sgc", ProviderKind.SmsGatewayCenter, "")]
    [InlineData("demo-nxcloud", ProviderKind.NxCloud, "/content")]
    [InlineData("demo-sgc", ProviderKind.SmsGatewayCenter, "/content")]
    [InlineData("demo-aws", ProviderKind.Aws, "/content")]
    public async Task A_provider_without_the_operation_answers_501_and_is_not_called(string tenant, ProviderKind kind, string content)
    {
        var mediaId = host.Sandbox.CreateMedia(kind);
        var before = host.Sandbox.State(kind).RequestsSeen;

        using var response = await Get($"/api/tenants/{tenant}/media/{Uri.EscapeDataString(mediaId)}{content}");

        await IntegratorCalls.ShouldBeProblemAsync(response, HttpStatusCode.NotImplemented, "operation_not_supported");
        host.Sandbox.State(kind).RequestsSeen.ShouldBe(before);
    }

    [Fact]
    public async Task Meta_content_is_the_file_with_its_type_length_and_etag()
    {
        var mediaId = host.Sandbox.CreateMedia(ProviderKind.Meta);

        using var response = await Get($"/api/tenants/demo-meta/media/{mediaId}/content");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(SandboxMediaContent.DemoImage.MimeType);
        response.Content.Headers.ContentLength.ShouldBe(SandboxMediaContent.DemoImage.Length);
        response.Headers.ETag!.Tag.ShouldBe($"\"{SandboxMediaContent.DemoImage.Sha256}\"");
        Sha256(await response.Content.ReadAsByteArrayAsync()).ShouldBe(SandboxMediaContent.DemoImage.Sha256);
    }

    [Fact]
    public async Task A_file_of_many_chunks_streams_whole()
    {
        var content = SandboxMediaContent.Generated(3_000_000, "video/mp4", seed: 14);
        var mediaId = host.Sandbox.CreateMedia(ProviderKind.Meta, content: content);

        using var response = await Get($"/api/tenants/demo-meta/media/{mediaId}/content", completion: HttpCompletionOption.ResponseHeadersRead);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var body = await response.Content.ReadAsStreamAsync();
        Sha256(body).ShouldBe(content.Sha256);
    }

    /// <summary>Hostile ids and phones get the DELETE route's 400s on both GET routes, and the provider hears nothing.</summary>
    [Theory]
    [InlineData("demo-meta", "not-digits", null, "invalid_media_id")]
    [InlineData("demo-meta", "..%2F..%2Fme", null, "invalid_media_id")]
    [InlineData("demo-meta", "1013859600285441%3Ffields%3Dall", null, "invalid_media_id")]
    [InlineData("demo-meta", "1013859600285441", "not a phone", "invalid_phone")]
    [InlineData("demo-meta", "1013859600285441", "1%26access_token%3Dx", "invalid_phone")]
    [InlineData("demo-aws", "not%20hex!", null, "invalid_media_id")]
    [InlineData("demo-aws", "3f5a1b2c4d6e7f8091a2b3c4d5e6f708", "phone-number-id-%0D%0Ax", "invalid_phone")]
    public async Task Hostile_ids_and_phones_are_400_before_any_provider_call(string tenant, string mediaId, string? phone, string code)
    {
        var kind = tenant == "demo-meta" ? ProviderKind.Meta : ProviderKind.Aws;
        var before = host.Sandbox.State(kind).RequestsSeen;
        var query = phone is null ? "" : "?phone=" + phone;

        foreach (var suffix in (string[])["", "/content"])
        {
            if (kind == ProviderKind.Aws && suffix.Length > 0)
            {
                continue; // AWS /content is 501 before any id is read.
            }

            using var response = await Get($"/api/tenants/{tenant}/media/{mediaId}{suffix}{query}");
            await IntegratorCalls.ShouldBeProblemAsync(response, HttpStatusCode.BadRequest, code);
        }

        host.Sandbox.State(kind).RequestsSeen.ShouldBe(before);
    }

    [Fact]
    public async Task A_wrong_api_key_is_401_before_any_provider_call()
    {
        var before = Meta.RequestsSeen;

        using var response = await Get("/api/tenants/demo-meta/media/1013859600285441/content", apiKey: "wrong");

        await IntegratorCalls.ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Meta.RequestsSeen.ShouldBe(before);
    }

    /// <summary>A metadata answer whose url would take the tenant's token elsewhere: 502 and no download is attempted.</summary>
    [Theory]
    [InlineData("https://evil.example/whatsapp_business/attachments/?mid={0}")]
    [InlineData("https://lookaside.fbsbx.com.evil.example/whatsapp_business/attachments/?mid={0}")]
    [InlineData("http://lookaside.fbsbx.com/whatsapp_business/attachments/?mid={0}")]
    [InlineData("http://user:secret@{1}/meta/lookaside/whatsapp_business/attachments/?mid={0}")]
    [InlineData("http://localhost:{2}/meta/lookaside/whatsapp_business/attachments/?mid={0}")]
    public async Task A_url_on_another_host_on_plain_http_or_with_userinfo_is_refused_and_gets_no_request(string urlFormat)
    {
        var mediaId = host.Sandbox.CreateMedia(ProviderKind.Meta);
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, urlFormat, mediaId, host.Sandbox.BaseUri.Authority, host.Sandbox.BaseUri.Port);
        Meta.InjectFault(SandboxFault.Replay(
            200,
            JsonSerializer.Serialize(new { messaging_product = "whatsapp", url, mime_type = "image/png", sha256 = SandboxMediaContent.DemoImage.Sha256, file_size = "1", id = mediaId }),
            new Dictionary<string, string> { ["Content-Type"] = "application/json" },
            mediaId));
        var downloads = Meta.DownloadsStarted;

        using var response = await Get($"/api/tenants/demo-meta/media/{mediaId}/content");

        var problem = await IntegratorCalls.ShouldBeProblemAsync(response, HttpStatusCode.BadGateway, "provider_rejected");
        problem.GetProperty("detail").GetString()!.ShouldNotContain("secret");
        Meta.DownloadsStarted.ShouldBe(downloads);
    }

    /// <summary>
    /// A download answered with a redirect to a host not in the allow-list (here the sandbox itself, named as
    /// <c>localhost</c>, so any request that reached it would be recorded): 502 naming the host and the setting, and
    /// nothing is sent there, token or not.
    /// </summary>
    [Fact]
    public async Task A_download_redirected_to_an_unlisted_host_is_refused_and_nothing_is_sent_there()
    {
        var mediaId = host.Sandbox.CreateMedia(ProviderKind.Meta);
        var unlisted = new Uri($"http://localhost:{host.Sandbox.BaseUri.Port}/meta/lookaside/whatsapp_business/attachments/?mid={mediaId}");
        Meta.InjectFault(SandboxFault.RedirectDownload(unlisted, 302, mediaId));
        var downloads = Meta.DownloadsStarted;
        var requestsBefore = Meta.Requests.Count;

        using var response = await Get($"/api/tenants/demo-meta/media/{mediaId}/content");

        var problem = await IntegratorCalls.ShouldBeProblemAsync(response, HttpStatusCode.BadGateway, "provider_rejected");
        var detail = problem.GetProperty("detail").GetString()!;
        detail.ShouldContain("'localhost'");
        detail.ShouldContain("Providers:Meta:MediaDownloadHosts");
        Meta.DownloadsStarted.ShouldBe(downloads);
        var sent = Meta.Requests.Skip(requestsBefore).ToList();
        sent.Count(request => request.Path.Contains("lookaside", StringComparison.Ordinal)).ShouldBe(1, "only the download that answered the redirect");
        sent.ShouldNotContain(request => request.Header("Host")!.StartsWith("localhost", StringComparison.Ordinal));
    }

    /// <summary>A redirect to a listed host is followed, with the token, and the file arrives whole.</summary>
    [Fact]
    public async Task A_download_redirected_to_a_listed_host_is_followed()
    {
        var mediaId = host.Sandbox.CreateMedia(ProviderKind.Meta);
        using var metadata = await Get($"/api/tenants/demo-meta/media/{mediaId}");
        var listed = new Uri((await metadata.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!);
        Meta.InjectFault(SandboxFault.RedirectDownload(listed, 307, mediaId));

        using var response = await Get($"/api/tenants/demo-meta/media/{mediaId}/content");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Convert.ToHexStringLower(SHA256.HashData(await response.Content.ReadAsByteArrayAsync())).ShouldBe(SandboxMediaContent.DemoImage.Sha256);
    }

    [Fact]
    public async Task A_declared_size_over_the_limit_is_refused_before_the_download()
    {
        var mediaId = host.Sandbox.CreateMedia(ProviderKind.Meta);
        Meta.InjectFault(SandboxFault.WrongFileSize(200L * 1024 * 1024, mediaId));
        var downloads = Meta.DownloadsStarted;

        using var response = await Get($"/api/tenants/demo-meta/media/{mediaId}/content");

        var problem = await IntegratorCalls.ShouldBeProblemAsync(response, HttpStatusCode.BadGateway, "provider_rejected");
        problem.GetProperty("detail").GetString()!.ShouldContain("Providers:Meta:MaxDownloadBytes");
        Meta.DownloadsStarted.ShouldBe(downloads);
    }

    [Fact]
    public async Task A_download_whose_length_differs_from_the_declared_size_is_refused_before_streaming()
    {
        var mediaId = host.Sandbox.CreateMedia(ProviderKind.Meta);
        Meta.InjectFault(SandboxFault.WrongFileSize(1, mediaId));

        using var response = await Get($"/api/tenants/demo-meta/media/{mediaId}/content");

        (await IntegratorCalls.ShouldBeProblemAsync(response, HttpStatusCode.BadGateway, "provider_rejected")).GetProperty("detail").GetString()!.ShouldContain("declares");
    }

    [Fact]
    public async Task A_sha256_mismatch_reaches_the_caller_as_an_aborted_response()
    {
        var content = SandboxMediaContent.Generated(1_000_000, "application/pdf", seed: 3);
        var mediaId = host.Sandbox.CreateMedia(ProviderKind.Meta, content: content);
        Meta.InjectFault(SandboxFault.WrongSha256(mediaId));

        (await ShouldBeAbortedAsync($"/api/tenants/demo-meta/media/{mediaId}/content")).ShouldBeLessThan(content.Length);
    }

    [Fact]
    public async Task A_provider_that_stops_mid_file_reaches_the_caller_as_an_aborted_response()
    {
        var content = SandboxMediaContent.Generated(1_000_000, "application/pdf", seed: 4);
        var mediaId = host.Sandbox.CreateMedia(ProviderKind.Meta, content: content);
        Meta.InjectFault(SandboxFault.TruncateDownload(400_000, mediaId));

        (await ShouldBeAbortedAsync($"/api/tenants/demo-meta/media/{mediaId}/content")).ShouldBeLessThan(content.Length);
    }

    [Fact]
    public async Task A_provider_that_stalls_mid_file_reaches_the_caller_as_an_aborted_response()
    {
        var content = SandboxMediaContent.Generated(1_000_000, "application/pdf", seed: 5);
        var mediaId = host.Sandbox.CreateMedia(ProviderKind.Meta, content: content);
        Meta.InjectFault(SandboxFault.StallDownload(400_000, mediaId));

        (await ShouldBeAbortedAsync($"/api/tenants/demo-meta/media/{mediaId}/content")).ShouldBeLessThan(content.Length);
    }

    [Fact]
    public async Task A_sha256_mismatch_on_a_file_of_one_chunk_is_502_provider_rejected_since_no_byte_was_sent()
    {
        var mediaId = host.Sandbox.CreateMedia(ProviderKind.Meta);
        Meta.InjectFault(SandboxFault.WrongSha256(mediaId));

        using var response = await Get($"/api/tenants/demo-meta/media/{mediaId}/content", "small-sha");

        var problem = await IntegratorCalls.ShouldBeProblemAsync(response, HttpStatusCode.BadGateway, "provider_rejected");
        problem.GetProperty("detail").GetString()!.ShouldContain("SHA-256");
        problem.GetProperty("requestId").GetString().ShouldBe("small-sha");
        response.Headers.ETag.ShouldBeNull("the declared hash was not the file's");
    }

    [Fact]
    public async Task A_provider_that_breaks_off_a_file_of_one_chunk_is_503_provider_unavailable_since_no_byte_was_sent()
    {
        var mediaId = host.Sandbox.CreateMedia(ProviderKind.Meta);
        Meta.InjectFault(SandboxFault.TruncateDownload(100, mediaId));

        using var response = await Get($"/api/tenants/demo-meta/media/{mediaId}/content");

        await IntegratorCalls.ShouldBeProblemAsync(response, HttpStatusCode.ServiceUnavailable, "provider_unavailable");
    }

    [Fact]
    public async Task A_provider_that_stalls_on_a_file_of_one_chunk_is_504_provider_timeout_since_no_byte_was_sent()
    {
        var mediaId = host.Sandbox.CreateMedia(ProviderKind.Meta);
        Meta.InjectFault(SandboxFault.StallDownload(100, mediaId));

        using var response = await Get($"/api/tenants/demo-meta/media/{mediaId}/content");

        (await IntegratorCalls.ShouldBeProblemAsync(response, HttpStatusCode.GatewayTimeout, "provider_timeout")).GetProperty("detail").GetString()!.ShouldContain("sent nothing for");
    }

    /// <summary>An expired URL (Meta answers 404 or 401): the metadata is fetched again and the fresh URL works.</summary>
    [Theory]
    [InlineData(404)]
    [InlineData(401)]
    public async Task An_expired_url_costs_one_more_metadata_and_download(int status)
    {
        var mediaId = host.Sandbox.CreateMedia(ProviderKind.Meta);
        Meta.InjectFault(SandboxFault.ExpireDownload(status, mediaId));
        var (metadataBefore, downloadsBefore) = (MetadataRequests(mediaId), Meta.DownloadsStarted);

        using var response = await Get($"/api/tenants/demo-meta/media/{mediaId}/content");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Sha256(await response.Content.ReadAsByteArrayAsync()).ShouldBe(SandboxMediaContent.DemoImage.Sha256);
        (MetadataRequests(mediaId) - metadataBefore).ShouldBe(2);
        (Meta.DownloadsStarted - downloadsBefore).ShouldBe(1, "the expired URL is refused before a download starts");
    }

    [Fact]
    public async Task A_url_that_stays_expired_is_tried_once_more_only()
    {
        var mediaId = host.Sandbox.CreateMedia(ProviderKind.Meta);
        Meta.InjectFault(SandboxFault.ExpireDownload(404, mediaId));
        Meta.InjectFault(SandboxFault.ExpireDownload(404, mediaId));
        Meta.InjectFault(SandboxFault.ExpireDownload(404, mediaId));
        var metadataBefore = MetadataRequests(mediaId);

        using var response = await Get($"/api/tenants/demo-meta/media/{mediaId}/content");

        var problem = await IntegratorCalls.ShouldBeProblemAsync(response, HttpStatusCode.NotFound, "media_not_found");
        problem.GetProperty("detail").GetString()!.ShouldEndWith("(after 4 attempts).", Case.Sensitive, "two metadata calls and two downloads");
        (MetadataRequests(mediaId) - metadataBefore).ShouldBe(2);
        Meta.ClearFaults();
    }

    [Fact]
    public async Task A_token_refused_on_download_is_tried_once_more_with_fresh_metadata()
    {
        var mediaId = host.Sandbox.CreateMedia(ProviderKind.Meta);
        Meta.InjectFault(SandboxFault.RefuseDownloadToken(mediaId));

        using var response = await Get($"/api/tenants/demo-meta/media/{mediaId}/content");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Sha256(await response.Content.ReadAsByteArrayAsync()).ShouldBe(SandboxMediaContent.DemoImage.Sha256);
    }

    [Fact]
    public async Task A_token_refused_on_download_twice_is_502_provider_auth_failed()
    {
        var mediaId = host.Sandbox.CreateMedia(ProviderKind.Meta);
        Meta.InjectFault(SandboxFault.RefuseDownloadToken(mediaId));
        Meta.InjectFault(SandboxFault.RefuseDownloadToken(mediaId));

        using var response = await Get($"/api/tenants/demo-meta/media/{mediaId}/content");

        var problem = await IntegratorCalls.ShouldBeProblemAsync(response, HttpStatusCode.BadGateway, "provider_auth_failed");
        problem.GetProperty("detail").GetString()!.ShouldNotContain(SandboxAccounts.Meta.AccessToken);
    }

    /// <summary>The caller hangs up mid-file: the sandbox sees its download cancelled (its own signal, no waiting on time).</summary>
    [Fact]
    public async Task A_caller_that_disconnects_mid_stream_cancels_the_provider_download()
    {
        var content = SandboxMediaContent.Generated(90L * 1024 * 1024, "application/pdf", seed: 6);
        var mediaId = host.Sandbox.CreateMedia(ProviderKind.Meta, content: content);
        var cancelledBefore = Meta.DownloadsCancelled;

        using (var response = await Get($"/api/tenants/demo-meta/media/{mediaId}/content", completion: HttpCompletionOption.ResponseHeadersRead))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            await using var body = await response.Content.ReadAsStreamAsync();
            await body.ReadExactlyAsync(new byte[100_000]);
        }

        using var guard = new CancellationTokenSource(Guard);
        await Meta.WaitForDownloadsCancelledAsync(cancelledBefore + 1, guard.Token);
    }

    [Fact]
    public async Task Meta_metadata_errors_map_as_for_delete()
    {
        using var missing = await Get("/api/tenants/demo-meta/media/1999999999999999");

        await IntegratorCalls.ShouldBeProblemAsync(missing, HttpStatusCode.NotFound, "media_not_found");
    }

    private long MetadataRequests(string mediaId) =>
        Meta.Requests.Count(request => request.Method == "GET" && request.Path.EndsWith("/" + mediaId, StringComparison.Ordinal));

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string Sha256(Stream stream) => Convert.ToHexStringLower(SHA256.HashData(stream));

    private async Task<long> ShouldBeAbortedAsync(string path)
    {
        long received = 0;
        var buffer = new byte[64 * 1024];
        await Should.ThrowAsync<IOException>(async () =>
        {
            using var response = await Get(path, completion: HttpCompletionOption.ResponseHeadersRead);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            await using var body = await response.Content.ReadAsStreamAsync();
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                received += read;
            }
        });
        return received;
    }

    private Task<HttpResponseMessage> Get(string path, string? requestId = null, string apiKey = LocalHost.DemoApiKey, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Api-Key", apiKey);
        if (requestId is not null)
        {
            request.Headers.Add("X-Request-Id", requestId);
        }

        return host.Http.SendAsync(request, completion);
    }
}
