using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using WhatsAppMedia.Core.Retrievals;

namespace WhatsAppMedia.Core.Tests.Retrievals;

/// <summary>
/// /content's streaming rules over real sockets (<see cref="DownloadRig"/>): what reaches the caller, and what makes the
/// service refuse before streaming or abort before the last byte.
/// </summary>
public sealed class MediaContentStreamingTests : IAsyncLifetime
{
    private static readonly byte[] File = RandomNumberGenerator.GetBytes((5 * MediaContentResult.ChunkBytes) + 123);
    private static readonly string FileSha256 = Convert.ToHexStringLower(SHA256.HashData(File));

    private DownloadRig _rig = null!;

    public async Task InitializeAsync() => _rig = await DownloadRig.StartAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Streams_the_file_with_its_type_length_and_etag(bool providerSendsLength)
    {
        _rig.Provider = context => Serve(context, File, providerSendsLength ? File.Length : null);
        _rig.Metadata = Declared();

        using var response = await _rig.Client.GetAsync("content");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("image/jpeg");
        response.Content.Headers.ContentLength.ShouldBe(File.Length);
        response.Headers.ETag!.Tag.ShouldBe($"\"{FileSha256}\"");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(File);
        _rig.LastAuthorization.ShouldBe($"Bearer {DownloadRig.Token}");
    }

    [Fact]
    public async Task Without_a_declared_hash_or_size_it_streams_what_comes_without_an_etag()
    {
        _rig.Provider = context => Serve(context, File, null);
        _rig.Metadata = Declared() with { Sha256 = null, FileSize = null, MimeType = "not a type" };

        using var response = await _rig.Client.GetAsync("content");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.ETag.ShouldBeNull();
        response.Content.Headers.ContentType!.ToString().ShouldBe("application/octet-stream");
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(File);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_sha256_mismatch_aborts_the_response_before_its_last_byte(bool providerSendsLength)
    {
        var tampered = (byte[])File.Clone();
        tampered[^1] ^= 0xFF;
        _rig.Provider = context => Serve(context, tampered, providerSendsLength ? tampered.Length : null);
        _rig.Metadata = Declared();

        var received = await ShouldBeAbortedAsync();

        received.ShouldBeLessThan(File.Length);
    }

    /// <summary>
    /// A file of one chunk is never partly written, however its bytes arrive (here in pieces of 10,000 bytes), so a
    /// failure on it is answered as the contract's problem instead of a reset connection.
    /// </summary>
    [Fact]
    public async Task A_sha256_mismatch_in_a_file_of_one_chunk_is_502_provider_rejected_before_any_byte()
    {
        var small = File.AsSpan(0, MediaContentResult.ChunkBytes).ToArray();
        _rig.Provider = context => Serve(context, small, small.Length);
        _rig.Metadata = Declared() with { FileSize = small.Length };

        await ShouldBeProblemAsync(_rig, HttpStatusCode.BadGateway, "provider_rejected", "SHA-256");
    }

    [Fact]
    public async Task A_body_of_one_chunk_shorter_than_declared_is_503_provider_unavailable_before_any_byte()
    {
        _rig.Provider = context => Serve(context, File.AsSpan(0, 30_000).ToArray(), null);
        _rig.Metadata = Declared() with { FileSize = 30_010, Sha256 = null };

        await ShouldBeProblemAsync(_rig, HttpStatusCode.ServiceUnavailable, "provider_unavailable", "ended after 30000 of the 30010 bytes");
    }

    [Fact]
    public async Task A_body_of_one_chunk_longer_than_declared_is_502_provider_rejected_before_any_byte()
    {
        _rig.Provider = context => Serve(context, File.AsSpan(0, 30_000).ToArray(), null);
        _rig.Metadata = Declared() with { FileSize = 20_000, Sha256 = null };

        await ShouldBeProblemAsync(_rig, HttpStatusCode.BadGateway, "provider_rejected", "more than the 20000 bytes it declared");
    }

    [Fact]
    public async Task A_provider_that_stalls_before_its_first_chunk_is_504_provider_timeout()
    {
        await using var rig = await DownloadRig.StartAsync(attemptTimeout: TimeSpan.FromMilliseconds(200));
        rig.Provider = async context =>
        {
            context.Response.ContentLength = File.Length;
            await context.Response.Body.WriteAsync(File.AsMemory(0, 1000), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        };
        rig.Metadata = Declared(rig);

        await ShouldBeProblemAsync(rig, HttpStatusCode.GatewayTimeout, "provider_timeout", "sent nothing for 200 ms");
        await rig.ProviderAborted.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_provider_that_stops_mid_file_gets_the_response_aborted()
    {
        _rig.Provider = async context =>
        {
            context.Response.ContentLength = File.Length;
            await context.Response.Body.WriteAsync(File.AsMemory(0, File.Length / 2));
            await context.Response.Body.FlushAsync();

            // Ending short of the Content-Length: Kestrel sends what was written, then closes the connection. An
            // Abort here would reset it and could drop those bytes before the service reads its first two chunks.
        };
        _rig.Metadata = Declared();

        (await ShouldBeAbortedAsync()).ShouldBeLessThan(File.Length);
    }

    [Fact]
    public async Task A_body_longer_than_declared_is_aborted()
    {
        var longer = File.Concat(new byte[100]).ToArray();
        _rig.Provider = context => Serve(context, longer, null);
        _rig.Metadata = Declared() with { Sha256 = null };

        (await ShouldBeAbortedAsync()).ShouldBeLessThan(File.Length);
    }

    [Fact]
    public async Task A_body_shorter_than_declared_is_aborted()
    {
        _rig.Provider = context => Serve(context, File.AsSpan(0, File.Length - 10).ToArray(), null);
        _rig.Metadata = Declared() with { Sha256 = null };

        (await ShouldBeAbortedAsync()).ShouldBeLessThan(File.Length);
    }

    [Fact]
    public async Task A_download_longer_than_its_declared_size_is_refused_before_streaming()
    {
        _rig.Provider = context => Serve(context, File, File.Length);
        _rig.Metadata = Declared() with { FileSize = File.Length - 1 };

        var refusal = await ShouldBeRefusedAsync("Rejected");

        refusal.Message!.ShouldContain($"{File.Length} bytes long but its metadata declares {File.Length - 1}");
    }

    [Fact]
    public async Task A_declared_size_over_the_limit_is_refused_before_any_request()
    {
        await using var rig = await DownloadRig.StartAsync(options => options.MaxDownloadBytes = File.Length - 1);
        rig.Provider = context => Serve(context, File, File.Length);
        rig.Metadata = Declared(rig) with { FileSize = File.Length };

        using var response = await rig.Client.GetAsync("content");

        var refusal = (await response.Content.ReadFromJsonAsync<RefusalBody>())!;
        refusal.Outcome.ShouldBe("Rejected");
        refusal.Message!.ShouldContain("Providers:Meta:MaxDownloadBytes");
        rig.ProviderRequests.ShouldBe(0);
    }

    [Fact]
    public async Task Without_a_declared_size_a_body_over_the_limit_is_aborted()
    {
        await using var rig = await DownloadRig.StartAsync(options => options.MaxDownloadBytes = File.Length - 1);
        rig.Provider = context => Serve(context, File, null);
        rig.Metadata = Declared(rig) with { FileSize = null, Sha256 = null };

        using var response = await rig.Client.GetAsync("content", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();

        await Should.ThrowAsync<IOException>(() => body.CopyToAsync(Stream.Null));
    }

    [Theory]
    [InlineData("https://127.0.0.1:1/never")]
    [InlineData("http://localhost:1/never")]
    [InlineData("http://user:pw@127.0.0.1:1/never")]
    [InlineData("https://evil.example/x")]
    public async Task A_url_the_policy_refuses_is_rejected_and_gets_no_request(string url)
    {
        // https to 127.0.0.1 passes the policy; port 1 has nothing, so the first case fails as transient, never as a leak.
        _rig.Metadata = Declared() with { Url = url.Replace("127.0.0.1:1", _rig.ProviderUrl.Authority, StringComparison.Ordinal) };

        using var response = await _rig.Client.GetAsync("content");

        var refusal = (await response.Content.ReadFromJsonAsync<RefusalBody>())!;
        refusal.Outcome.ShouldBeOneOf("Rejected", "Transient");
        if (!url.StartsWith("https://127.0.0.1", StringComparison.Ordinal))
        {
            refusal.Outcome.ShouldBe("Rejected");
        }

        _rig.ProviderRequests.ShouldBe(0);
    }

    [Theory]
    [InlineData(401, "CredentialsRefused", true)]
    [InlineData(403, "CredentialsRefused", true)]
    [InlineData(404, "NotFound", true)]
    [InlineData(410, "NotFound", true)]
    [InlineData(503, "Transient", false)]
    [InlineData(400, "Rejected", false)]
    public async Task A_refused_download_is_classified_and_says_whether_a_fresh_url_may_help(int status, string outcome, bool freshUrlMayHelp)
    {
        _rig.Provider = context =>
        {
            context.Response.StatusCode = status;
            return context.Response.WriteAsJsonAsync(new { error = new { message = $"echo {DownloadRig.Token}", code = 190 } });
        };
        _rig.Metadata = Declared();

        var refusal = await ShouldBeRefusedAsync(outcome);

        refusal.FreshUrlMayHelp.ShouldBe(freshUrlMayHelp);
        refusal.HttpStatus.ShouldBe(status);
        refusal.Message!.ShouldNotContain(DownloadRig.Token);
    }

    [Fact]
    public async Task A_throttled_download_keeps_the_providers_retry_after()
    {
        _rig.Provider = context =>
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = "7";
            return Task.CompletedTask;
        };
        _rig.Metadata = Declared();

        (await ShouldBeRefusedAsync("Throttled")).RetryAfterSeconds.ShouldBe(7);
    }

    /// <summary>A redirect within the listed host is followed by the downloader itself, token included.</summary>
    [Fact]
    public async Task A_redirect_to_the_listed_host_is_followed_with_the_token()
    {
        _rig.Provider = context =>
        {
            if (context.Request.Path == "/elsewhere")
            {
                return Serve(context, File, File.Length);
            }

            context.Response.Redirect("/elsewhere");
            return Task.CompletedTask;
        };
        _rig.Metadata = Declared();

        using var response = await _rig.Client.GetAsync("content");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(File);
        _rig.ProviderRequests.ShouldBe(2);
        _rig.LastAuthorization.ShouldBe($"Bearer {DownloadRig.Token}");
    }

    [Fact]
    public async Task Redirects_beyond_the_limit_are_refused()
    {
        _rig.Provider = context =>
        {
            context.Response.Redirect("/again");
            return Task.CompletedTask;
        };
        _rig.Metadata = Declared();

        (await ShouldBeRefusedAsync("Rejected")).Message!.ShouldContain($"more than {MediaDownloader.MaxRedirects} times");
        _rig.ProviderRequests.ShouldBe(MediaDownloader.MaxRedirects + 1);
    }

    [Fact]
    public async Task A_redirect_to_an_unlisted_host_is_refused_without_a_request_there()
    {
        _rig.Provider = context =>
        {
            context.Response.Redirect("https://cdn.elsewhere.example/file");
            return Task.CompletedTask;
        };
        _rig.Metadata = Declared();

        var refusal = await ShouldBeRefusedAsync("Rejected");
        refusal.Message!.ShouldContain("'cdn.elsewhere.example'");
        refusal.Message!.ShouldContain("Providers:Meta:MediaDownloadHosts");
        _rig.ProviderRequests.ShouldBe(1);
    }

    [Fact]
    public async Task A_redirect_without_a_location_is_refused()
    {
        _rig.Provider = context =>
        {
            context.Response.StatusCode = 302;
            return Task.CompletedTask;
        };
        _rig.Metadata = Declared();

        (await ShouldBeRefusedAsync("Rejected")).Message!.ShouldContain("no Location");
    }

    [Fact]
    public async Task A_body_with_a_content_encoding_is_refused_before_streaming()
    {
        _rig.Provider = context =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            return Serve(context, File, File.Length);
        };
        _rig.Metadata = Declared();

        (await ShouldBeRefusedAsync("Rejected")).Message!.ShouldContain("Content-Encoding");
    }

    [Fact]
    public async Task A_malformed_declared_sha256_is_refused_before_any_request()
    {
        _rig.Metadata = Declared() with { Sha256 = "not-a-hash" };

        (await ShouldBeRefusedAsync("Rejected")).Message!.ShouldContain("sha256");
        _rig.ProviderRequests.ShouldBe(0);
    }

    [Fact]
    public async Task A_provider_that_never_answers_times_out()
    {
        await using var rig = await DownloadRig.StartAsync(attemptTimeout: TimeSpan.FromMilliseconds(200));
        var release = new TaskCompletionSource();
        rig.Provider = context => release.Task.WaitAsync(context.RequestAborted);
        rig.Metadata = Declared(rig);

        using var response = await rig.Client.GetAsync("content");

        (await response.Content.ReadFromJsonAsync<RefusalBody>())!.Outcome.ShouldBe("TimedOut");
        await rig.ProviderAborted.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_provider_that_stalls_mid_file_gets_the_response_aborted()
    {
        await using var rig = await DownloadRig.StartAsync(attemptTimeout: TimeSpan.FromMilliseconds(200));
        rig.Provider = async context =>
        {
            context.Response.ContentLength = File.Length;
            await context.Response.Body.WriteAsync(File.AsMemory(0, 3 * MediaContentResult.ChunkBytes), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        };
        rig.Metadata = Declared(rig);

        using var response = await rig.Client.GetAsync("content", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();

        await Should.ThrowAsync<IOException>(() => body.CopyToAsync(Stream.Null));
        await rig.ProviderAborted.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>The caller reads the first bytes and hangs up: the service's download from the provider is cancelled.</summary>
    [Fact]
    public async Task A_caller_that_disconnects_mid_stream_cancels_the_provider_download()
    {
        var endless = new byte[MediaContentResult.ChunkBytes];
        _rig.Provider = async context =>
        {
            context.Response.ContentLength = 90L * 1024 * 1024;
            while (true)
            {
                await context.Response.Body.WriteAsync(endless, context.RequestAborted);
            }
        };
        _rig.Metadata = Declared() with { FileSize = 90L * 1024 * 1024, Sha256 = null };
        using (var response = await _rig.Client.GetAsync("content", HttpCompletionOption.ResponseHeadersRead))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            await using var body = await response.Content.ReadAsStreamAsync();
            await body.ReadExactlyAsync(new byte[1000]);
        }

        _rig.Client.CancelPendingRequests();
        await _rig.ProviderAborted.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private MediaMetadata Declared() => Declared(_rig);

    private static MediaMetadata Declared(DownloadRig rig) =>
        new("image/jpeg", FileSha256.ToUpperInvariant(), File.Length, new Uri(rig.ProviderUrl, "whatsapp_business/attachments/?mid=1").AbsoluteUri);

    private static async Task Serve(HttpContext context, byte[] bytes, long? contentLength)
    {
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = contentLength;
        for (var offset = 0; offset < bytes.Length; offset += 10_000)
        {
            await context.Response.Body.WriteAsync(bytes.AsMemory(offset, Math.Min(10_000, bytes.Length - offset)), context.RequestAborted);
        }
    }

    private static async Task ShouldBeProblemAsync(DownloadRig rig, HttpStatusCode status, string code, string detail)
    {
        using var response = await rig.Client.GetAsync("content");
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        response.Headers.ETag.ShouldBeNull();
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe(code);
        problem.GetProperty("detail").GetString()!.ShouldContain(detail);
        problem.GetProperty("requestId").GetString().ShouldBe("rig-request");
    }

    /// <summary>Reads the response until it breaks off; returns how many bytes arrived first.</summary>
    private async Task<long> ShouldBeAbortedAsync()
    {
        long received = 0;
        var buffer = new byte[8192];
        // A reset connection (IOException) or a response cut short (HttpIOException, an IOException too).
        await Should.ThrowAsync<IOException>(async () =>
        {
            using var response = await _rig.Client.GetAsync("content", HttpCompletionOption.ResponseHeadersRead);
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

    private async Task<RefusalBody> ShouldBeRefusedAsync(string outcome)
    {
        using var response = await _rig.Client.GetAsync("content");
        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        var refusal = (await response.Content.ReadFromJsonAsync<RefusalBody>())!;
        refusal.Outcome.ShouldBe(outcome);
        return refusal;
    }
}
