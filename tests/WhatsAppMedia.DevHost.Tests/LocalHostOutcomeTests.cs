using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>
/// Every provider outcome, for every provider, through the local host's real port and queue: what the caller of
/// DELETE hears (docs/api.md, "Codes") and what becomes of a queue message (docs/architecture.md, "Queue").
/// </summary>
public class LocalHostOutcomeTests(ShortAttemptTimeoutFixture host) : IClassFixture<ShortAttemptTimeoutFixture>
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    /// <summary>Every imitated provider with its demo tenant.</summary>
    public static TheoryData<string, ProviderKind> Tenants
    {
        get
        {
            var data = new TheoryData<string, ProviderKind>();
            foreach (var kind in ProviderSandbox.Providers)
            {
                data.Add(kind.DemoTenant(), kind);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Tenants))]
    public async Task Throttled_answers_429_with_the_providers_retry_after(string tenant, ProviderKind kind)
    {
        var mediaId = host.Sandbox.CreateMedia(kind);
        host.Sandbox.State(kind).InjectFault(SandboxFault.Throttle(TimeSpan.FromSeconds(90)));

        using var response = await Delete(tenant, mediaId);

        await IntegratorCalls.ShouldBeProblemAsync(response, HttpStatusCode.TooManyRequests, "provider_throttled");
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(90));
        host.Sandbox.State(kind).HasMedia(mediaId).ShouldBeTrue();

        // A paced tenant (aws by default) is now paused for 90 s on every instance; the next tests need it unpaused.
        await PacingReset.ResumeAsync(host, tenant);
    }

    /// <summary>Each provider failure that leaves the media in place, by name, with the status and code the caller gets.</summary>
    public static TheoryData<string, ProviderKind, string, HttpStatusCode, string> Failures
    {
        get
        {
            var data = new TheoryData<string, ProviderKind, string, HttpStatusCode, string>();
            foreach (var (tenant, kind) in Tenants.Select(row => ((string)row[0], (ProviderKind)row[1])))
            {
                data.Add(tenant, kind, "server error", HttpStatusCode.ServiceUnavailable, "provider_unavailable");
                data.Add(tenant, kind, "hang", HttpStatusCode.GatewayTimeout, "provider_timeout");
                data.Add(tenant, kind, "reject", HttpStatusCode.BadGateway, "provider_rejected");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_provider_failure_reaches_the_caller_as_the_contract_says_and_deletes_nothing(string tenant, ProviderKind kind, string failure, HttpStatusCode status, string code)
    {
        var mediaId = host.Sandbox.CreateMedia(kind);
        host.Sandbox.State(kind).InjectFault(failure switch
        {
            "server error" => SandboxFault.ServerError(503),
            "hang" => SandboxFault.Hang(),
            "reject" => SandboxFault.Reject(),
            _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, "No such failure in the table."),
        });

        using var response = await Delete(tenant, mediaId);

        await IntegratorCalls.ShouldBeProblemAsync(response, status, code);
        host.Sandbox.State(kind).HasMedia(mediaId).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Tenants))]
    public async Task Credentials_refused_twice_answer_502_provider_auth_failed_after_one_fresh_read(string tenant, ProviderKind kind)
    {
        var mediaId = host.Sandbox.CreateMedia(kind);
        var requestsBefore = RequestsFor(kind, mediaId);
        host.Sandbox.State(kind).InjectFault(SandboxFault.RefuseCredentials(), times: 2);

        using var response = await Delete(tenant, mediaId);

        await IntegratorCalls.ShouldBeProblemAsync(response, HttpStatusCode.BadGateway, "provider_auth_failed");
        (RequestsFor(kind, mediaId) - requestsBefore).ShouldBe(2, "the first try and the one retry with a fresh read of the tenant");
        host.Sandbox.State(kind).HasMedia(mediaId).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Tenants))]
    public async Task Credentials_refused_once_are_read_again_and_the_delete_goes_through(string tenant, ProviderKind kind)
    {
        var mediaId = host.Sandbox.CreateMedia(kind);
        host.Sandbox.State(kind).InjectFault(SandboxFault.RefuseCredentials());

        using var response = await Delete(tenant, mediaId);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        host.Sandbox.State(kind).HasMedia(mediaId).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(Tenants))]
    public async Task Queued_permanent_failures_land_in_the_failed_queue_with_the_http_apis_codes(string tenant, ProviderKind kind)
    {
        var rejected = host.Sandbox.CreateMedia(kind);
        var refused = host.Sandbox.CreateMedia(kind);
        var settledBefore = host.Progress.Settled;

        host.Sandbox.State(kind).InjectFault(SandboxFault.Reject());
        await host.QueueNamed(host.Queue).SendAsync(new DeletionMessage(tenant, rejected).ToJson());
        await host.Progress.WaitForSettledAsync(settledBefore + 1).WaitAsync(Guard);
        host.Sandbox.State(kind).InjectFault(SandboxFault.RefuseCredentials(), times: 2);
        await host.QueueNamed(host.Queue).SendAsync(new DeletionMessage(tenant, refused).ToJson());
        await host.Progress.WaitForSettledAsync(settledBefore + 2).WaitAsync(Guard);

        var failed = await FailedEntriesAsync();
        failed.ShouldContain(entry => entry.Code == "provider_rejected" && entry.Message.Contains(rejected, StringComparison.Ordinal));
        failed.ShouldContain(entry => entry.Code == "provider_auth_failed" && entry.Message.Contains(refused, StringComparison.Ordinal));
        host.Sandbox.State(kind).HasMedia(rejected).ShouldBeTrue();
        host.Sandbox.State(kind).HasMedia(refused).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Tenants))]
    public async Task Queued_transient_failures_and_timeouts_fail_the_delivery_and_the_retry_deletes(string tenant, ProviderKind kind)
    {
        var mediaId = host.Sandbox.CreateMedia(kind);
        var requestsBefore = RequestsFor(kind, mediaId);
        var settledBefore = host.Progress.Settled;
        host.Sandbox.State(kind).InjectFault(SandboxFault.ServerError(503));
        host.Sandbox.State(kind).InjectFault(SandboxFault.Hang());

        await host.QueueNamed(host.Queue).SendAsync(new DeletionMessage(tenant, mediaId).ToJson());
        await host.Progress.WaitForSettledAsync(settledBefore + 1).WaitAsync(Guard);

        host.Sandbox.State(kind).HasMedia(mediaId).ShouldBeFalse();
        (RequestsFor(kind, mediaId) - requestsBefore).ShouldBe(3, "a 503, a timeout, then the delete, each on its own delivery");
        (await FailedEntriesAsync()).ShouldNotContain(entry => entry.Message.Contains(mediaId, StringComparison.Ordinal));
        (await host.QueueNamed(host.Queue + "-poison").PeekAsync(32)).ShouldNotContain(message => message.Text != null && message.Text.Contains(mediaId, StringComparison.Ordinal));
    }

    private int RequestsFor(ProviderKind kind, string mediaId) =>
        host.Sandbox.State(kind).Requests.Count(request => (request.Path + request.Query + request.Body).Contains(mediaId, StringComparison.Ordinal));

    private async Task<List<FailedDeletion>> FailedEntriesAsync() =>
        (await host.QueueNamed(host.Queue + "-failed").PeekAsync(32)).Select(message => FailedDeletion.FromJson(message.Text!)!).ToList();

    private Task<HttpResponseMessage> Delete(string tenant, string mediaId)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/tenants/{tenant}/media/{Uri.EscapeDataString(mediaId)}");
        request.Headers.Add("X-Api-Key", LocalHost.DemoApiKey);
        return host.Http.SendAsync(request);
    }
}
