using System.Net;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>
/// Meta's rate limits as they arrive, as HTTP 400 or 403 with a Graph error code, replayed by the
/// sandbox and sent through the local host: retried within the budget, then 429 <c>provider_throttled</c> with
/// <c>Retry-After</c>; on the queue, deferred and then deleted.
/// </summary>
[Collection(IntegratorTenantsCollection.Name)]
public class LocalHostMetaRateLimitTests(IntegratorTenantsFixture host)
{
    private readonly IntegratorCalls _calls = new(host);

    /// <summary>
    /// Every rate-limit code in Meta's references (Graph API rate limiting and error handling, WhatsApp error codes),
    /// written out here rather than read from the code under test, with the HTTP status it is replayed with.
    /// </summary>
    public static TheoryData<int, int> RateLimitCodes
    {
        get
        {
            int[] codes =
            [
                4, 17, 32, 341, 613,
                80000, 80001, 80002, 80003, 80004, 80005, 80006, 80007, 80008, 80009, 80010, 80011, 80012, 80013, 80014,
                130429, 131048, 131056, 133016,
            ];
            var data = new TheoryData<int, int>();
            foreach (var (code, index) in codes.Select((code, index) => (code, index)))
            {
                data.Add(code, index % 2 == 0 ? 400 : 403);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(RateLimitCodes))]
    public async Task A_meta_rate_limit_code_is_retried_within_the_budget_then_answers_429_with_retry_after(int code, int status)
    {
        var mediaId = host.Sandbox.CreateMedia(ProviderKind.Meta);
        host.Sandbox.Meta.InjectFault(RateLimited(code, status, mediaId), times: IntegratorTenantsFixture.MaxAttempts);

        using var response = await _calls.DeleteAsync("demo-meta", mediaId);

        var problem = await IntegratorCalls.ShouldBeProblemAsync(response, HttpStatusCode.TooManyRequests, "provider_throttled");
        response.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldNotBeNull().ShouldBeGreaterThan(TimeSpan.Zero);
        problem.GetProperty("detail").GetString()!.ShouldContain($"code {code}");
        RequestsFor(mediaId).ShouldBe(IntegratorTenantsFixture.MaxAttempts, "every attempt the budget allows");
        host.Sandbox.Meta.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task The_issues_613_answer_once_is_retried_and_the_delete_goes_through()
    {
        var mediaId = host.Sandbox.CreateMedia(ProviderKind.Meta);
        host.Sandbox.Meta.InjectFault(RateLimited(613, 400, mediaId));

        using var response = await _calls.DeleteAsync("demo-meta", mediaId);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        RequestsFor(mediaId).ShouldBe(2);
    }

    [Fact]
    public async Task A_queued_deletion_throttled_with_613_is_deferred_and_then_deleted_not_failed()
    {
        var mediaId = host.Sandbox.CreateMedia(ProviderKind.Meta);
        host.Sandbox.Meta.InjectFault(RateLimited(613, 400, mediaId), times: IntegratorTenantsFixture.MaxAttempts);
        var handledBefore = host.Progress.Handled;

        await host.QueueNamed(host.Queue).SendAsync(new DeletionMessage("demo-meta", mediaId).ToJson());
        await host.Progress.WaitForHandledAsync(handledBefore + 2).WaitAsync(TimeSpan.FromMinutes(2));

        host.Sandbox.Meta.HasMedia(mediaId).ShouldBeFalse();
        RequestsFor(mediaId).ShouldBe(IntegratorTenantsFixture.MaxAttempts + 1, "the throttled delivery's attempts, then the deferred message's one");
        (await _calls.FailedEntryForAsync(mediaId)).ShouldBeNull();
    }

    /// <summary>Meta's answer as integrators report it, the issue's 613 body with the code swapped in.</summary>
    private static SandboxFault RateLimited(int code, int status, string mediaId) => SandboxFault.Replay(
        status,
        $$$"""{"error":{"message":"(#{{{code}}}) Calls to this api have exceeded the rate limit.","type":"OAuthException","code":{{{code}}},"fbtrace_id":"AbCdEf123"}}""",
        new Dictionary<string, string> { ["Content-Type"] = "application/json; charset=UTF-8" },
        mediaId);

    private int RequestsFor(string mediaId) =>
        host.Sandbox.Meta.Requests.Count(request => request.Path.Contains(mediaId, StringComparison.Ordinal));
}
