using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Tests.Support;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.Sandbox.Tests;

/// <summary>The replay fault: any provider answer, replayed as given, for the next requests or for one media id, checked like the other faults.</summary>
public sealed class SandboxReplayTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>, IDisposable
{
    private const string Body = """{"error":{"message":"(#613) Calls to this api have exceeded the rate limit.","type":"OAuthException","code":613,"fbtrace_id":"AbCdEf123"}}""";

    private readonly HttpClient _http = new() { BaseAddress = fixture.Sandbox.BaseUri };

    public void Dispose()
    {
        fixture.Sandbox.Meta.ClearFaults();
        _http.Dispose();
    }

    [Fact]
    public async Task A_replay_answers_the_next_requests_with_exactly_the_given_status_headers_and_body()
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Meta);

        using var injected = await _http.PostAsJsonAsync("/_sandbox/meta/faults", new
        {
            kind = "replay",
            status = 403,
            headers = new Dictionary<string, string> { ["Content-Type"] = "application/json", ["X-Fb-Trace-Id"] = "AbCdEf123" },
            body = Body,
            times = 2,
        });
        using var first = await _http.SendAsync(MetaDelete(mediaId));
        using var second = await _http.SendAsync(MetaDelete(mediaId));
        using var third = await _http.SendAsync(MetaDelete(mediaId));

        injected.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        foreach (var replayed in new[] { first, second })
        {
            replayed.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            replayed.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
            replayed.Headers.GetValues("X-Fb-Trace-Id").ShouldBe(["AbCdEf123"]);
            (await replayed.Content.ReadAsStringAsync()).ShouldBe(Body);
        }

        third.StatusCode.ShouldBe(HttpStatusCode.OK, "the replay was for two requests");
    }

    [Fact]
    public async Task A_replay_for_one_media_id_waits_for_a_request_naming_it()
    {
        var target = fixture.Sandbox.CreateMedia(ProviderKind.Meta);
        var other = fixture.Sandbox.CreateMedia(ProviderKind.Meta);

        using var injected = await _http.PostAsJsonAsync("/_sandbox/meta/faults", new { kind = "replay", status = 400, body = Body, mediaId = target });
        using var unrelated = await _http.SendAsync(MetaDelete(other));
        using var replayed = await _http.SendAsync(MetaDelete(target));
        using var afterwards = await _http.SendAsync(MetaDelete(target));

        injected.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        unrelated.StatusCode.ShouldBe(HttpStatusCode.OK, "the replay waits for its own media id");
        replayed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await replayed.Content.ReadAsStringAsync()).ShouldBe(Body);
        afterwards.StatusCode.ShouldBe(HttpStatusCode.OK, "the replay was for one request");
    }

    public static TheoryData<string, object> InvalidReplays => new()
    {
        { "status", new { kind = "replay", status = 99, body = "" } },
        { "status", new { kind = "replay", status = 600, body = "" } },
        { "status", new { kind = "replay", body = "" } },
        { "body", new { kind = "replay", status = 400 } },
        { "body", new { kind = "replay", status = 400, body = new string('x', 64 * 1024 + 1) } },
        { "token", new { kind = "replay", status = 400, body = "", headers = new Dictionary<string, string> { ["Bad Name"] = "x" } } },
        { "Content-Length", new { kind = "replay", status = 400, body = "", headers = new Dictionary<string, string> { ["content-length"] = "5" } } },
        { "printable", new { kind = "replay", status = 400, body = "", headers = new Dictionary<string, string> { ["X-Injected"] = "a\r\nSet-Cookie: x" } } },
        { "mediaId", new { kind = "replay", status = 400, body = "", mediaId = "" } },
    };

    [Theory]
    [MemberData(nameof(InvalidReplays))]
    public async Task The_control_api_refuses_a_replay_it_cannot_give_and_injects_nothing(string named, object request)
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Meta);

        using var response = await _http.PostAsJsonAsync("/_sandbox/meta/faults", request);
        using var deletion = await _http.SendAsync(MetaDelete(mediaId));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain(named);
        deletion.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public void An_invalid_replay_built_in_process_is_refused_too() =>
        Should.Throw<ArgumentException>(() => SandboxFault.Replay(200, "", new Dictionary<string, string> { ["Transfer-Encoding"] = "chunked" }));

    private static HttpRequestMessage MetaDelete(string mediaId)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, $"/meta/v23.0/{mediaId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SandboxAccounts.Meta.AccessToken);
        return request;
    }
}
