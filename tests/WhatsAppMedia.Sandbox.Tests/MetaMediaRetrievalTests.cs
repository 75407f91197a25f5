using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Sandbox;
using WhatsAppMedia.Sandbox.Media;

namespace WhatsAppMedia.Sandbox.Tests;

/// <summary>
/// Meta's retrieve (<c>GET /{version}/{mediaId}</c>) and the download URL it names, over real HTTP: the same token,
/// phone and not-found rules as delete, a URL on the sandbox's own host that needs the bearer token and expires after
/// five minutes of the sandbox's clock, and the bytes with their type and length.
/// </summary>
public sealed class MetaMediaRetrievalTests : SandboxOfItsOwn
{
    private const string Token = SandboxAccounts.Meta.AccessToken;
    private const string Phone = SandboxAccounts.Meta.PhoneNumberId;

    [Fact]
    public async Task Retrieve_answers_metas_fields_with_file_size_as_a_string_and_a_url_on_theSandboxs_own_host()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta);

        var (status, body) = await RetrieveAsync(mediaId);

        status.ShouldBe(HttpStatusCode.OK);
        body.EnumerateObject().Select(property => property.Name).ShouldBe(["messaging_product", "url", "mime_type", "sha256", "file_size", "id"]);
        body.GetProperty("messaging_product").GetString().ShouldBe("whatsapp");
        body.GetProperty("id").GetString().ShouldBe(mediaId);
        body.GetProperty("mime_type").GetString().ShouldBe("image/png");
        body.GetProperty("file_size").ValueKind.ShouldBe(JsonValueKind.String);
        body.GetProperty("file_size").GetString().ShouldBe(SandboxMediaContent.DemoImage.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        body.GetProperty("sha256").GetString().ShouldBe(SandboxMediaContent.DemoImage.Sha256);
        var url = new Uri(body.GetProperty("url").GetString()!);
        url.GetLeftPart(UriPartial.Authority).ShouldBe(Sandbox.BaseUri.GetLeftPart(UriPartial.Authority));
        url.AbsolutePath.ShouldBe("/meta/lookaside/whatsapp_business/attachments/");
        url.Query.ShouldStartWith($"?mid={mediaId}&ext={Clock.GetUtcNow().AddMinutes(5).ToUnixTimeSeconds()}&hash=");
        Sandbox.Meta.HasMedia(mediaId).ShouldBeTrue("retrieving does not delete");
    }

    [Fact]
    public async Task Retrieve_checks_the_phone_as_delete_does()
    {
        var owned = Sandbox.CreateMedia(ProviderKind.Meta, ownerPhone: Phone);
        var received = Sandbox.CreateReceivedMedia(ProviderKind.Meta);

        (await RetrieveAsync(owned, $"?phone_number_id={Phone}")).Status.ShouldBe(HttpStatusCode.OK);
        (await RetrieveAsync(received)).Status.ShouldBe(HttpStatusCode.OK);
        var (otherStatus, otherBody) = await RetrieveAsync(owned, "?phone_number_id=999");
        var (receivedStatus, receivedBody) = await RetrieveAsync(received, $"?phone_number_id={Phone}");

        otherStatus.ShouldBe(HttpStatusCode.BadRequest);
        Error(otherBody).GetProperty("code").GetInt32().ShouldBe(100);
        Error(otherBody).GetProperty("error_subcode").GetInt32().ShouldBe(33);
        Error(otherBody).GetProperty("message").GetString().ShouldStartWith($"Unsupported get request. Object with ID '{owned}' does not exist");
        receivedStatus.ShouldBe(HttpStatusCode.BadRequest);
        Error(receivedBody).GetProperty("message").GetString().ShouldBe("Param phone_number_id is not a valid whatsapp business phone number id ID");
    }

    [Theory]
    [InlineData("?phone_number_id=abc")]
    [InlineData("?phone_number_id=")]
    [InlineData("?phone_number_id=1&phone_number_id=2")]
    public async Task Retrieve_refuses_a_malformed_phone_number_id_with_100(string query)
    {
        var (status, body) = await RetrieveAsync(Sandbox.CreateMedia(ProviderKind.Meta), query);

        status.ShouldBe(HttpStatusCode.BadRequest);
        Error(body).GetProperty("code").GetInt32().ShouldBe(100);
        Error(body).TryGetProperty("error_subcode", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Retrieve_of_unknown_or_deleted_media_is_100_33()
    {
        var deleted = Sandbox.CreateMedia(ProviderKind.Meta);
        using (var deletion = await SendAsync(HttpMethod.Delete, $"meta/v23.0/{deleted}", Token))
        {
            deletion.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        foreach (var mediaId in new[] { deleted, "1999999999999999" })
        {
            var (status, body) = await RetrieveAsync(mediaId);
            status.ShouldBe(HttpStatusCode.BadRequest);
            Error(body).GetProperty("code").GetInt32().ShouldBe(100);
            Error(body).GetProperty("error_subcode").GetInt32().ShouldBe(33);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic " + Token)]
    [InlineData("Bearer ")]
    [InlineData("Bearer EAAUnregisteredToken")]
    public async Task Retrieve_refuses_a_missing_or_unregistered_token_with_190(string? authorization)
    {
        using var response = await SendAsync(HttpMethod.Get, $"meta/v23.0/{Sandbox.CreateMedia(ProviderKind.Meta)}", authorization: authorization);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        Error(await response.Content.ReadAsStringAsync()).GetProperty("code").GetInt32().ShouldBe(190);
    }

    [Fact]
    public async Task Retrieve_refuses_a_malformed_graph_version_with_2500()
    {
        using var response = await SendAsync(HttpMethod.Get, $"meta/23.0/{Sandbox.CreateMedia(ProviderKind.Meta)}", Token);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Error(await response.Content.ReadAsStringAsync()).GetProperty("code").GetInt32().ShouldBe(2500);
    }

    [Fact]
    public async Task Download_streams_a_real_png_with_its_type_and_length()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta);
        var url = await UrlAsync(mediaId);

        using var response = await SendAsync(HttpMethod.Get, url, Token);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        response.Content.Headers.ContentLength.ShouldBe(bytes.Length);
        bytes[..8].ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        Convert.ToHexStringLower(SHA256.HashData(bytes)).ShouldBe(SandboxMediaContent.DemoImage.Sha256);
        Sandbox.Meta.DownloadsCompleted.ShouldBe(1);
    }

    /// <summary>
    /// Without a User-Agent, or with a product stacked into it twice (one line, as HttpClient sends added values), the
    /// download is refused and no byte of the file is sent.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task Download_without_exactly_one_user_agent_product_is_403_not_the_file(int userAgents)
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta);
        var url = await UrlAsync(mediaId);
        using var bare = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Token);
        for (var index = 0; index < userAgents; index++)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", $"Client{index}/1.0");
        }

        using var response = await bare.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        Error(await response.Content.ReadAsStringAsync()).GetProperty("message").GetString()!.ShouldContain("User-Agent");
        Sandbox.Meta.DownloadsStarted.ShouldBe(0);
        Sandbox.Meta.Requests.Last().HeaderCount("User-Agent").ShouldBe(userAgents == 0 ? 0 : 1);
    }

    [Fact]
    public async Task Download_streams_generated_content_that_matches_its_declared_hash_and_size()
    {
        var content = SandboxMediaContent.Generated(3 * 1024 * 1024 + 5, "application/pdf", seed: 42);
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta, content: content);
        var (_, metadata) = await RetrieveAsync(mediaId);

        using var response = await SendAsync(HttpMethod.Get, new Uri(metadata.GetProperty("url").GetString()!), Token);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        metadata.GetProperty("mime_type").GetString().ShouldBe("application/pdf");
        metadata.GetProperty("file_size").GetString().ShouldBe("3145733");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentLength.ShouldBe(3145733);
        bytes.Length.ShouldBe(3145733);
        Convert.ToHexStringLower(SHA256.HashData(bytes)).ShouldBe(metadata.GetProperty("sha256").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer EAAUnregisteredToken")]
    [InlineData("Basic " + Token)]
    public async Task Download_without_the_registered_bearer_token_is_401_190_not_the_file(string? authorization)
    {
        var url = await UrlAsync(Sandbox.CreateMedia(ProviderKind.Meta));

        using var response = await SendAsync(HttpMethod.Get, url, authorization: authorization);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        Error(await response.Content.ReadAsStringAsync()).GetProperty("code").GetInt32().ShouldBe(190);
        Sandbox.Meta.DownloadsStarted.ShouldBe(0);
    }

    [Fact]
    public async Task Download_url_works_until_five_minutes_after_it_was_issued_then_is_404()
    {
        var url = await UrlAsync(Sandbox.CreateMedia(ProviderKind.Meta));

        Clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        using (var stillValid = await SendAsync(HttpMethod.Get, url, Token))
        {
            stillValid.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        Clock.Advance(TimeSpan.FromSeconds(1));
        using var expired = await SendAsync(HttpMethod.Get, url, Token);

        expired.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await expired.Content.ReadAsStringAsync()).ShouldBe("URL signature expired");
    }

    [Theory]
    [InlineData("ext")]
    [InlineData("mid")]
    [InlineData("hash")]
    public async Task Download_url_with_a_changed_or_missing_parameter_is_404(string parameter)
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta);
        var other = Sandbox.CreateMedia(ProviderKind.Meta);
        var url = (await UrlAsync(mediaId)).ToString();
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(url).Query);
        var changed = parameter switch
        {
            "ext" => url.Replace($"ext={query["ext"]}", $"ext={long.Parse(query["ext"]!, System.Globalization.CultureInfo.InvariantCulture) + 3600}", StringComparison.Ordinal),
            "mid" => url.Replace($"mid={mediaId}", $"mid={other}", StringComparison.Ordinal),
            _ => url[..url.IndexOf("&hash=", StringComparison.Ordinal)],
        };

        using var response = await SendAsync(HttpMethod.Get, new Uri(changed), Token);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldBe("URL signature mismatch");
    }

    [Fact]
    public async Task Download_of_media_deleted_after_the_url_was_issued_is_404_100_33()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta);
        var url = await UrlAsync(mediaId);
        Sandbox.Meta.RemoveMedia(mediaId);

        using var response = await SendAsync(HttpMethod.Get, url, Token);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Error(await response.Content.ReadAsStringAsync()).GetProperty("error_subcode").GetInt32().ShouldBe(33);
    }

    [Fact]
    public async Task Download_request_is_recorded_with_its_bearer_token()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta);
        var url = await UrlAsync(mediaId);

        using var response = await SendAsync(HttpMethod.Get, url, Token);

        var recorded = Sandbox.Meta.Requests.Last();
        recorded.Path.ShouldBe("/meta/lookaside/whatsapp_business/attachments/");
        recorded.Query.ShouldStartWith($"?mid={mediaId}&");
        recorded.Header("Authorization").ShouldBe("Bearer " + Token);
    }

    private async Task<Uri> UrlAsync(string mediaId)
    {
        var (status, body) = await RetrieveAsync(mediaId);
        status.ShouldBe(HttpStatusCode.OK);
        return new Uri(body.GetProperty("url").GetString()!);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> RetrieveAsync(string mediaId, string query = "")
    {
        using var response = await SendAsync(HttpMethod.Get, $"meta/v23.0/{mediaId}{query}", Token);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string relative, string? token = null, string? authorization = null) =>
        SendAsync(method, new Uri(Sandbox.BaseUri, relative), token, authorization);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri uri, string? token = null, string? authorization = null)
    {
        using var request = new HttpRequestMessage(method, uri);
        var header = authorization ?? (token is null ? null : "Bearer " + token);
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", header);
        }

        return await Http.SendAsync(request);
    }

    private static JsonElement Error(string body) => JsonDocument.Parse(body).RootElement.GetProperty("error").Clone();

    private static JsonElement Error(JsonElement body) => body.GetProperty("error");
}
