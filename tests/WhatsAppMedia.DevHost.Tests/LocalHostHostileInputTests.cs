using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>
/// Hostile inputs, over the local host's real port and real queue: strings that are not text, failed
/// entries that outgrow the queue, and answers produced around the handlers. Each is a 400, a -failed entry on the
/// first delivery, or a problem+json of the service's own — never a 500, an empty body or a trip to -poison.
/// </summary>
public class LocalHostHostileInputTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    /// <summary>Largest text the queue takes in base64: 48 KiB of UTF-8.</summary>
    private const int LargestBase64Text = 64 * 1024 / 4 * 3;

    // ---- 1. Strings that are not text, in request bodies ----

    public static TheoryData<string, byte[], int, string> NonTextItems => new()
    {
        { "the issue's example: a lone high surrogate escape as mediaId", Utf8("""{"items":[{"mediaId":"\ud800"}]}"""), 0, "invalid_media_id" },
        { "a lone low surrogate escape as mediaId", Utf8("""{"items":[{"mediaId":"1013859600285441\udc00"}]}"""), 0, "invalid_media_id" },
        { "a reversed pair", Utf8("""{"items":[{"mediaId":"\udc00\ud800"}]}"""), 0, "invalid_media_id" },
        { "an item's phone", Utf8("""{"items":[{"mediaId":"1013859600285441","phone":"\ud800"}]}"""), 0, "invalid_phone" },
        { "an item's unknown field", Utf8("""{"items":[{"mediaId":"1013859600285441","note":"\ud800"}]}"""), 0, "invalid_request" },
        { "an item's property name", Utf8("""{"items":[{"\ud800":1,"mediaId":"1013859600285441"}]}"""), 0, "invalid_request" },
        { "an item that is a string", Utf8("""{"items":["\ud800"]}"""), 0, "invalid_request" },
        { "raw bytes that are not UTF-8 in mediaId", [.. "{\"items\":[{\"mediaId\":\"10138596\""u8[..^1], 0xFF, .. "\"}]}"u8], 0, "invalid_media_id" },
        { "an overlong UTF-8 encoding in phone", [.. "{\"items\":[{\"mediaId\":\"1013859600285441\",\"phone\":\""u8, 0xC0, 0xAF, .. "\"}]}"u8], 0, "invalid_media_id_or_phone" },
        { "UTF-8 of a surrogate (CESU) in mediaId", [.. "{\"items\":[{\"mediaId\":\""u8, 0xED, 0xA0, 0x80, .. "\"}]}"u8], 0, "invalid_media_id" },
        { "the bad item among good ones", Utf8("""{"items":[{"mediaId":"1013859600285441"},{"mediaId":"1013859600285442"},{"mediaId":"\ud800"}]}"""), 2, "invalid_media_id" },
    };

    [Theory]
    [MemberData(nameof(NonTextItems))]
    public async Task A_batch_item_that_is_not_text_is_a_400_naming_the_item_and_nothing_is_queued(string kind, byte[] body, int index, string code)
    {
        using var response = await PostBytes(body);

        var problem = await ShouldBeProblem(response, HttpStatusCode.BadRequest);
        var error = problem.GetProperty("errors").EnumerateArray().ShouldHaveSingleItem(kind);
        error.GetProperty("index").GetInt32().ShouldBe(index);
        error.GetProperty("code").GetString().ShouldBe(code == "invalid_media_id_or_phone" ? "invalid_phone" : code, kind);
        error.GetProperty("detail").GetString()!.ShouldContain("is not text");
        error.GetProperty("detail").GetString()!.ShouldContain($"$.items[{index}]");
        (await host.QueueNamed(host.Queue).GetApproximateMessageCountAsync()).ShouldBe(0);
    }

    public static TheoryData<string, byte[], string> NonTextBodies => new()
    {
        { "the default phone", Utf8("""{"phone":"\ud800","items":[{"mediaId":"1013859600285441"}]}"""), "'$.phone' is not text" },
        { "an unknown top-level field", Utf8("""{"items":[{"mediaId":"1013859600285441"}],"note":"\udfff"}"""), "'$.note' is not text" },
        { "a top-level property name", Utf8("""{"\ud800":0,"items":[{"mediaId":"1013859600285441"}]}"""), "a property name in '$' is not text" },
        { "raw bytes that are not UTF-8 in a top-level name", [.. "{\""u8, 0xFE, .. "\":1,\"items\":[{\"mediaId\":\"1013859600285441\"}]}"u8], "a property name in '$' is not text" },
    };

    [Theory]
    [MemberData(nameof(NonTextBodies))]
    public async Task A_body_string_outside_the_items_that_is_not_text_is_a_400_naming_it(string kind, byte[] body, string detail)
    {
        using var response = await PostBytes(body);

        var problem = await ShouldBeProblem(response, HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().ShouldBe("invalid_request", kind);
        problem.GetProperty("detail").GetString()!.ShouldContain(detail);
        (await host.QueueNamed(host.Queue).GetApproximateMessageCountAsync()).ShouldBe(0);
    }

    // ---- 1. ... in route and query values ----

    [Theory]
    [InlineData("/api/tenants/demo-meta/media/%ED%A0%80", "invalid_media_id")]
    [InlineData("/api/tenants/demo-meta/media/%FF", "invalid_media_id")]
    [InlineData("/api/tenants/demo-meta/media/%C0%AF", "invalid_media_id")]
    [InlineData("/api/tenants/%ED%A0%80/media/1013859600285441", "invalid_tenant_id")]
    [InlineData("/api/tenants/demo-meta/media/1013859600285441?phone=%ED%A0%80", "invalid_phone")]
    [InlineData("/api/tenants/demo-meta/media/1013859600285441?phone=%FF", "invalid_phone")]
    public async Task A_route_or_query_value_that_is_not_text_is_a_400_with_the_fields_code(string path, string code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, path);
        request.Headers.Add("X-Api-Key", LocalHostFixture.DemoApiKey);

        using var response = await host.Http.SendAsync(request);

        var problem = await ShouldBeProblem(response, HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().ShouldBe(code);
    }

    // ---- 1. ... and raw bytes in the request line and headers ----

    /// <summary>
    /// Bytes that are not UTF-8 in the request line or a header never reach the service: Kestrel refuses the request
    /// while parsing it, with its own 400 and an empty body (it has no hook for that answer's body). Never a 500.
    /// </summary>
    [Theory]
    [InlineData("path")]
    [InlineData("header")]
    public async Task Raw_bytes_that_are_not_utf8_in_the_request_line_or_a_header_are_refused_by_kestrel_with_400(string where)
    {
        byte[] request = where == "path"
            ? [.. "DELETE /api/tenants/demo-meta/media/1"u8, 0xFF, .. " HTTP/1.1\r\nHost: x\r\nX-Api-Key: demo-api-key\r\nConnection: close\r\n\r\n"u8]
            : [.. "DELETE /api/tenants/demo-meta/media/1 HTTP/1.1\r\nHost: x\r\nX-Api-Key: demo-"u8, 0xFF, .. "\r\nConnection: close\r\n\r\n"u8];

        var answer = await SendRawAsync(request);

        answer.ShouldStartWith("HTTP/1.1 400 Bad Request");
        answer.ShouldContain("Content-Length: 0");
    }

    [Fact]
    public async Task A_request_id_that_is_not_ascii_is_replaced_by_a_new_one()
    {
        var answer = await SendRawAsync([.. "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Request-Id: a"u8, 0xC3, 0xA9, .. "\r\nConnection: close\r\n\r\n"u8]);

        answer.ShouldStartWith("HTTP/1.1 200 OK");
        System.Text.RegularExpressions.Regex.IsMatch(answer, @"X-Request-Id: [0-9a-f]{32}\r\n").ShouldBeTrue(answer);
    }

    // ---- 2. Permanent failures on the queue: -failed on the first delivery ----

    public static TheoryData<string, string, string> NonTextMessages => new()
    {
        { "the issue's example", """{"tenantId":"demo-meta","mediaId":"\ud800"}""", "invalid_media_id" },
        { "tenantId", """{"tenantId":"\ud800","mediaId":"1013859600285441"}""", "invalid_tenant_id" },
        { "phone", """{"tenantId":"demo-meta","mediaId":"1013859600285441","phone":"\udbff"}""", "invalid_phone" },
        { "batchId", """{"tenantId":"demo-meta","mediaId":"1013859600285441","batchId":"\ud800"}""", "malformed_message" },
        { "an unknown field's name", """{"tenantId":"demo-meta","\ud800":"x","mediaId":"1013859600285441"}""", "malformed_message" },
    };

    [Theory]
    [MemberData(nameof(NonTextMessages))]
    public async Task A_message_string_that_is_not_text_lands_in_failed_on_its_first_delivery(string kind, string text, string code)
    {
        var entry = await SendThenFindFailedAsync(text, text);

        entry.Code.ShouldBe(code, kind);
        entry.Detail.ShouldContain("is not text");
        entry.MessageTruncated.ShouldBeFalse();
        (await host.QueueNamed(host.Queue + "-poison").PeekAsync(32)).ShouldNotContain(message => message.Text == text);
    }

    /// <summary>Messages that fit the queue but whose -failed entry would not, and what the entry then holds.</summary>
    public static TheoryData<string, string, string> OversizedEntries
    {
        get
        {
            // A tenant id of its own per case, so each entry is told apart by its reduced message.
            static string WithNote(string tenant, string note) => "{\"tenantId\":\"" + tenant + "\",\"mediaId\":\"1\",\"note\":\"" + note + "\"}";
            static string Reduced(string tenant) => "{\"tenantId\":\"" + tenant + "\",\"mediaId\":\"1\"}";
            const int Room = LargestBase64Text - 60;
            return new()
            {
                { "a big unknown field", WithNote("nobody-a", new string('a', Room)), Reduced("nobody-a") },
                { "many characters JSON escapes to six bytes", WithNote("nobody-b", new string('<', Room)), Reduced("nobody-b") },
                { "many escaped quotes", WithNote("nobody-c", string.Concat(Enumerable.Repeat("\\\"", Room / 2))), Reduced("nobody-c") },
                { "non-ASCII text", WithNote("nobody-d", new string('\u00e9', Room / 2)), Reduced("nobody-d") },
                { "a huge media id", "{\"tenantId\":\"demo-meta\",\"mediaId\":\"" + new string('9', LargestBase64Text - 40) + "\"}", "cut" },
                { "a huge tenant id", "{\"mediaId\":\"1\",\"tenantId\":\"" + new string('x', LargestBase64Text - 40) + "\"}", "cut" },
                { "text that is not JSON", "{not json " + new string('<', LargestBase64Text - 20), "cut" },
            };
        }
    }

    [Theory]
    [MemberData(nameof(OversizedEntries))]
    public async Task A_failed_entry_that_would_outgrow_the_queue_is_written_reduced_and_marked(string kind, string text, string expected)
    {
        var entry = await SendThenFindFailedAsync(text, expected == "cut" ? text[..100] : expected);

        entry.MessageTruncated.ShouldBeTrue(kind);
        if (expected == "cut")
        {
            text.ShouldStartWith(entry.Message, customMessage: kind);
            entry.Message.Length.ShouldBeLessThan(text.Length);
        }
        else
        {
            entry.Message.ShouldBe(expected, kind);
        }

        (await host.QueueNamed(host.Queue + "-poison").PeekAsync(32)).ShouldNotContain(message => message.Text == text);
    }

    [Fact]
    public async Task A_large_message_not_in_the_queues_encoding_is_moved_to_poison_whole_by_the_engine()
    {
        // The queue engine (docs/architecture.md, "Queue") moves an undecodable message to -poison as it was stored, before the function
        // runs, so no -failed entry has to be fitted for it: however large, it is kept whole.
        var text = "not-base64!" + new string('<', 60_000);
        var marker = host.Sandbox.CreateMedia(ProviderKind.Meta);
        var settledBefore = host.Progress.Settled;

        // Azurite hands messages out in the order they came, so once the marker sent after it has settled, the
        // undecodable one has been dealt with.
        await host.RawQueueNamed(host.Queue).SendAsync(text);
        await host.QueueNamed(host.Queue).SendAsync(new DeletionMessage("demo-meta", marker).ToJson());
        await host.Progress.WaitForSettledAsync(settledBefore + 1).WaitAsync(Guard);

        (await host.RawQueueNamed(host.Queue + "-poison").PeekAsync(32)).ShouldContain(message => message.Text == text);
        (await FailedEntriesAsync()).ShouldNotContain(candidate => candidate.Message.StartsWith("not-base64!", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_throttled_message_that_would_outgrow_the_queue_once_deferred_lands_in_failed()
    {
        // 15,000 '<' fit in the message as sent; re-serialised for the deferral each becomes \u003C, six times larger.
        var mediaId = host.Sandbox.CreateMedia(ProviderKind.Meta);
        var text = $$"""{"tenantId":"demo-meta","mediaId":"{{mediaId}}","requestId":"{{new string('<', 15_000)}}"}""";
        host.Sandbox.Meta.InjectFault(SandboxFault.Throttle(TimeSpan.FromSeconds(1)));

        var entry = await SendThenFindFailedAsync(text, text[..60]);

        entry.Code.ShouldBe("provider_throttled");
        entry.MessageTruncated.ShouldBeTrue("recorded whole, the entry would not fit the queue either");
        entry.Detail.ShouldContain("deferred message would exceed");
        host.Sandbox.Meta.HasMedia(mediaId).ShouldBeTrue();
    }

    // ---- 3. Answers the handlers never see ----

    [Fact]
    public async Task A_wrong_method_is_405_method_not_allowed_with_allow_and_a_request_id()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/tenants/demo-meta/media/1013859600285441");
        request.Headers.Add("X-Request-Id", "hostile-405");

        using var response = await host.Http.SendAsync(request);

        var problem = await ShouldBeProblem(response, HttpStatusCode.MethodNotAllowed);
        problem.GetProperty("code").GetString().ShouldBe("method_not_allowed");
        problem.GetProperty("requestId").GetString().ShouldBe("hostile-405");
        response.Headers.GetValues("X-Request-Id").ShouldBe(["hostile-405"]);
        response.Content.Headers.Allow.Order(StringComparer.Ordinal).ShouldBe(["DELETE", "GET"]);
        problem.GetProperty("detail").GetString()!.ShouldContain("DELETE");
    }

    [Theory]
    [InlineData("POST", "/api/tenants/demo-meta/media/1013859600285441", "DELETE, GET")]
    [InlineData("DELETE", "/api/tenants/demo-meta/media/1013859600285441/content", "GET")]
    [InlineData("PATCH", "/api/tenants/demo-meta/media/deletions", "DELETE, GET, POST")]
    [InlineData("POST", "/api/health", "GET")]
    [InlineData("DELETE", "/api/health", "GET")]
    public async Task Every_route_answers_a_method_it_does_not_take_with_405(string method, string path, string allow)
    {
        using var response = await host.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var problem = await ShouldBeProblem(response, HttpStatusCode.MethodNotAllowed);
        problem.GetProperty("code").GetString().ShouldBe("method_not_allowed");
        string.Join(", ", response.Content.Headers.Allow.Order(StringComparer.Ordinal)).ShouldBe(allow);
    }

    [Theory]
    [InlineData("GET", "/api/nope")]
    [InlineData("GET", "/api/tenants/demo-meta")]
    [InlineData("DELETE", "/api/tenants/demo-meta/media/1/extra")]
    [InlineData("GET", "/api/")]
    [InlineData("GET", "/")]
    [InlineData("POST", "/api/tenants/demo-meta/media/deletions/extra/more")]
    public async Task An_unknown_route_is_404_not_found(string method, string path)
    {
        using var response = await host.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var problem = await ShouldBeProblem(response, HttpStatusCode.NotFound);
        problem.GetProperty("code").GetString().ShouldBe("not_found");
        problem.GetProperty("title").GetString()!.ShouldNotContain("provider");
    }

    [Fact]
    public async Task A_404_answers_problem_json_whatever_the_caller_accepts()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/nope");
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await host.Http.SendAsync(request);

        (await ShouldBeProblem(response, HttpStatusCode.NotFound)).GetProperty("code").GetString().ShouldBe("not_found");
    }

    public static TheoryData<string?> NotJsonContentTypes => new()
    {
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/json; charset=utf-16",
        "application/jsonp",
        null,
    };

    [Theory]
    [MemberData(nameof(NotJsonContentTypes))]
    public async Task A_bulk_post_whose_body_is_not_declared_json_is_415_saying_what_to_send(string? contentType)
    {
        var content = new ByteArrayContent(Utf8("""{"items":[{"mediaId":"1013859600285441"}]}"""));
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await Post(content);

        var problem = await ShouldBeProblem(response, HttpStatusCode.UnsupportedMediaType);
        problem.GetProperty("code").GetString().ShouldBe("unsupported_media_type");
        problem.GetProperty("detail").GetString()!.ShouldContain("application/json");
        (await host.QueueNamed(host.Queue).GetApproximateMessageCountAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON; charset=UTF-8")]
    [InlineData("application/merge-patch+json")]
    public async Task Json_content_types_are_read(string contentType)
    {
        var content = new ByteArrayContent(Utf8("""{"items":[{"mediaId":"not digits"}]}"""));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await Post(content);

        (await ShouldBeProblem(response, HttpStatusCode.BadRequest)).GetProperty("code").GetString().ShouldBe("invalid_media_id");
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("""{"items":"x"}""")]
    public async Task A_bad_body_is_400_invalid_request(string body)
    {
        using var response = await PostBytes(Utf8(body));

        (await ShouldBeProblem(response, HttpStatusCode.BadRequest)).GetProperty("code").GetString().ShouldBe("invalid_request");
    }

    // ---- 4. Concurrent deletions of one object ----

    [Fact]
    public async Task Concurrent_deletes_of_one_media_id_share_one_provider_call_and_all_hear_deleted()
    {
        const int Callers = 100;
        var mediaId = host.Sandbox.CreateMedia(ProviderKind.Meta);
        var release = new TaskCompletionSource();
        host.Sandbox.Meta.InjectFault(SandboxFault.Hold(release.Task));
        var seenBefore = host.Sandbox.Meta.RequestsSeen;
        var joined = host.Service<InFlightDeletions>().Joined;
        var joinedBefore = joined.Count;

        // The first call reaches the provider and is held there; every other caller joins it; then it is let go.
        var first = DeleteMedia(mediaId);
        await host.Sandbox.Meta.WaitForRequestsAsync(seenBefore + 1).WaitAsync(Guard);
        var others = Enumerable.Range(1, Callers - 1).Select(_ => DeleteMedia(mediaId)).ToList();
        await joined.WaitForAsync(joinedBefore + Callers - 1).WaitAsync(Guard);
        release.SetResult();
        var responses = await Task.WhenAll([first, .. others]);

        foreach (var response in responses)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString().ShouldBe("deleted");
            response.Dispose();
        }

        host.Sandbox.Meta.Requests.Count(request => request.Path.Contains(mediaId, StringComparison.Ordinal)).ShouldBe(1);
        host.Sandbox.Meta.HasMedia(mediaId).ShouldBeFalse();

        // Once answered, the call is forgotten: the next delete is a call of its own.
        using var again = await DeleteMedia(mediaId);
        (await ShouldBeProblem(again, HttpStatusCode.NotFound)).GetProperty("code").GetString().ShouldBe("media_not_found");
    }

    // ---- helpers ----

    /// <summary>Sends bytes no HTTP client would, and reads the answer until the server closes the connection.</summary>
    private async Task<string> SendRawAsync(byte[] request)
    {
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(host.Http.BaseAddress!.Host, host.Http.BaseAddress.Port);
        await using var stream = client.GetStream();
        await stream.WriteAsync(request);
        using var answer = new MemoryStream();
        await stream.CopyToAsync(answer).WaitAsync(Guard);
        return Encoding.UTF8.GetString(answer.ToArray());
    }

    private Task<HttpResponseMessage> DeleteMedia(string mediaId)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/tenants/demo-meta/media/{mediaId}");
        request.Headers.Add("X-Api-Key", LocalHostFixture.DemoApiKey);
        return host.Http.SendAsync(request);
    }

    private async Task<FailedDeletion> SendThenFindFailedAsync(string text, string messageStart)
    {
        var settledBefore = host.Progress.Settled;
        var handledBefore = host.Progress.Handled;

        await host.QueueNamed(host.Queue).SendAsync(text);
        await host.Progress.WaitForHandledAsync(handledBefore + 1).WaitAsync(Guard);

        // A delivery counts as settled before it counts as handled, so the first delivery settled it.
        (host.Progress.Settled - settledBefore).ShouldBe(1, "settled on the first delivery");
        return (await FailedEntriesAsync()).Where(entry => entry.Message.StartsWith(messageStart, StringComparison.Ordinal)).ShouldHaveSingleItem();
    }

    private async Task<List<FailedDeletion>> FailedEntriesAsync() =>
        (await host.QueueNamed(host.Queue + "-failed").PeekAsync(32)).Select(message => FailedDeletion.FromJson(message.Text!)!).ToList();

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private Task<HttpResponseMessage> PostBytes(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return Post(content);
    }

    private Task<HttpResponseMessage> Post(HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/tenants/demo-meta/media/deletions") { Content = content };
        request.Headers.Add("X-Api-Key", LocalHostFixture.DemoApiKey);
        return host.Http.SendAsync(request);
    }

    private static async Task<JsonElement> ShouldBeProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        var requestId = problem.GetProperty("requestId").GetString();
        requestId.ShouldNotBeNullOrEmpty();
        response.Headers.GetValues("X-Request-Id").ShouldBe([requestId]);
        problem.GetProperty("type").GetString().ShouldBe("urn:whatsapp-media:problem:" + problem.GetProperty("code").GetString());
        return problem;
    }
}
