using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>
/// Answers of the local host when something goes wrong around the handlers, over its real port: an unexpected
/// exception, a client that sends its body too slowly, a queue that stores a message but loses the answer.
/// </summary>
public class LocalHostFaultAnswerTests(LocalEnvironment environment) : IClassFixture<LocalEnvironment>
{
    private const string SecretInException = "S3CR3T-in-the-exception";
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task An_unexpected_exception_is_500_internal_error_without_details_and_logged_as_an_error()
    {
        var logs = new RecordedLogs();
        await using var host = await environment.StartHostAsync(NewQueue(), builder =>
        {
            builder.Logging.AddProvider(logs);
            builder.Services.AddSingleton<ITenantStore>(new ExplodingTenantStore());
        });
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/api/tenants/demo-meta/media/1013859600285441");
        request.Headers.Add("X-Api-Key", LocalHost.DemoApiKey);
        request.Headers.Add("X-Request-Id", "fault-500");

        using var response = await host.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        response.Headers.GetValues("X-Request-Id").ShouldBe(["fault-500"]);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldNotContain(SecretInException);
        body.ShouldNotContain("Exception");
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("code").GetString().ShouldBe("internal_error");
        problem.GetProperty("requestId").GetString().ShouldBe("fault-500");
        var logged = await logs.WaitForAsync(entry => entry.Exception?.Message == SecretInException).WaitAsync(Guard);
        logged.Level.ShouldBe(LogLevel.Error);
        logged.Message.ShouldContain("fault-500");
    }

    [Fact]
    public async Task A_body_that_arrives_too_slowly_is_408_request_timeout_logged_as_a_refused_request_not_an_error()
    {
        var logs = new RecordedLogs();
        await using var host = await environment.StartHostAsync(NewQueue(), builder =>
        {
            builder.Logging.AddProvider(logs);

            // Kestrel's own limit, tightened so the test does not wait out the 5 s default grace period.
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 1000, gracePeriod: TimeSpan.FromSeconds(2)));
        }, "--Logging:LogLevel:WhatsAppMedia=Information");
        var address = host.Http.BaseAddress!;
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port);
        await using var stream = client.GetStream();

        // Headers promise 100,000 bytes; one arrives, then nothing: the server's data-rate check ends the wait.
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            "POST /api/tenants/demo-meta/media/deletions HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: demo-api-key\r\nX-Request-Id: slow-1\r\n" +
            "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"));
        var answer = await ReadResponseAsync(stream).WaitAsync(Guard);

        answer.ShouldStartWith("HTTP/1.1 408");
        answer.ShouldContain("application/problem+json");
        answer.ShouldContain("X-Request-Id: slow-1");
        answer.ShouldContain("\"code\":\"request_timeout\"");
        var logged = await logs.WaitForAsync(entry => entry.Message.Contains("refused with 408", StringComparison.Ordinal)).WaitAsync(Guard);
        logged.Level.ShouldBe(LogLevel.Information);
        logged.Exception.ShouldBeNull();
        logs.Entries.ShouldNotContain(entry => entry.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_batch_cut_short_by_the_queue_says_at_least_a_count_that_is_never_more_than_was_queued()
    {
        const int Items = 200;
        const int StoredThenLost = 50;
        var queue = NewQueue();
        await using var host = await environment.StartHostAsync(queue, builder =>
            builder.Services.AddSingleton<IDeletionQueue>(services => new AnswerLosingDeletionQueue(ActivatorUtilities.CreateInstance<StorageDeletionQueue>(services), StoredThenLost)),
            // The queue trigger must not take messages away while they are counted: disabled the way a Functions app
            // disables a function (a long maxPollingInterval is not enough: the listener backs off from 100 ms up to it).
            "--AzureWebJobs.ProcessMediaDeletion.Disabled=true");
        var items = Enumerable.Range(0, Items).Select(index => new { mediaId = (1013859600000000L + index).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tenants/demo-meta/media/deletions") { Content = JsonContent.Create(new { items }) };
        request.Headers.Add("X-Api-Key", LocalHost.DemoApiKey);

        using var response = await host.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        var match = System.Text.RegularExpressions.Regex.Match(detail, @"after at least (\d+) of 200 items were queued");
        match.Success.ShouldBeTrue(detail);
        var said = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var stored = await host.QueueNamed(queue).GetApproximateMessageCountAsync();
        stored.ShouldBeGreaterThanOrEqualTo(StoredThenLost, "the message whose answer was lost is stored too");
        said.ShouldBeLessThanOrEqualTo(stored, "the count is a floor: sends cancelled or failed in flight may be stored all the same");
    }

    private static string NewQueue() => "fault" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Reads one HTTP/1.1 response: the head, then as many body bytes as its Content-Length says, or to the end of a refused connection.</summary>
    private static async Task<string> ReadResponseAsync(NetworkStream stream)
    {
        var buffer = new byte[16 * 1024];
        var received = new List<byte>();
        while (true)
        {
            var text = Encoding.UTF8.GetString([.. received]);
            var headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (headEnd >= 0)
            {
                var length = System.Text.RegularExpressions.Regex.Match(text[..headEnd], @"(?im)^Content-Length:\s*(\d+)");
                if (!length.Success || received.Count - (headEnd + 4) >= int.Parse(length.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
                {
                    return text;
                }
            }

            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                return text;
            }

            received.AddRange(buffer.AsSpan(0, read).ToArray());
        }
    }

    /// <summary>A tenant store that fails as no store should: the fault the exception handler exists for.</summary>
    private sealed class ExplodingTenantStore : ITenantStore
    {
        public ValueTask<TenantLookup> GetAsync(string tenantId, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException(SecretInException);

        public void Invalidate(string tenantId)
        {
        }

        public TenantLookup? UncachedLookupRefusal() => null;
    }

    /// <summary>The real queue, except that the <c>n</c>-th send is stored and then reported failed, as when the answer is lost on the way back.</summary>
    private sealed class AnswerLosingDeletionQueue(IDeletionQueue inner, int losesAnswerOf) : IDeletionQueue
    {
        private int _sent;

        public async Task EnqueueAsync(DeletionMessage message, TimeSpan visibilityDelay, CancellationToken cancellationToken = default)
        {
            await inner.EnqueueAsync(message, visibilityDelay, cancellationToken);
            if (Interlocked.Increment(ref _sent) == losesAnswerOf)
            {
                throw new IOException("The connection closed before the queue's answer arrived.");
            }
        }

        public Task WriteFailedAsync(FailedDeletion failure, CancellationToken cancellationToken = default) => inner.WriteFailedAsync(failure, cancellationToken);
    }
}
