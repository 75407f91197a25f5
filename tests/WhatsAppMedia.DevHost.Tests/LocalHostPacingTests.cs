using System.Net;
using System.Text.Json;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>
/// The per-tenant request budget through the local host's real port, with Azurite's table service holding the shared
/// schedule: an immediate call over budget is held back without a provider request, a provider's throttling pauses the
/// tenant, and a bulk job is released by the queue at the tenant's rate.
/// </summary>
public class LocalHostPacingTests(PacedTenantsFixture host) : IClassFixture<PacedTenantsFixture>
{
    private readonly IntegratorCalls _calls = new(host);

    [Fact]
    public async Task A_delete_over_the_tenants_budget_answers_429_rate_limited_and_sends_nothing()
    {
        var first = host.Sandbox.CreateMedia(ProviderKind.Meta);
        var second = host.Sandbox.CreateMedia(ProviderKind.Meta);

        using var allowed = await _calls.DeleteAsync(PacedTenantsFixture.SlowMeta, first);
        using var heldBack = await _calls.DeleteAsync(PacedTenantsFixture.SlowMeta, second);

        allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var problem = await IntegratorCalls.ShouldBeProblemAsync(heldBack, HttpStatusCode.TooManyRequests, "rate_limited");
        problem.GetProperty("detail").GetString()!.ShouldContain("nothing was sent to the provider");
        heldBack.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldNotBeNull().ShouldBeGreaterThan(TimeSpan.Zero);
        RequestsFor(second).ShouldBe(0);
        host.Sandbox.Meta.HasMedia(second).ShouldBeTrue();
    }

    [Fact]
    public async Task A_provider_throttling_with_retry_after_pauses_the_tenant_for_every_later_call()
    {
        var throttled = host.Sandbox.CreateMedia(ProviderKind.Meta);
        var next = host.Sandbox.CreateMedia(ProviderKind.Meta);
        host.Sandbox.Meta.InjectFault(SandboxFault.Throttle(TimeSpan.FromMinutes(10)) with { MediaId = throttled });

        using var refused = await _calls.DeleteAsync(PacedTenantsFixture.PausedMeta, throttled);
        using var paused = await _calls.DeleteAsync(PacedTenantsFixture.PausedMeta, next);

        await IntegratorCalls.ShouldBeProblemAsync(refused, HttpStatusCode.TooManyRequests, "provider_throttled");
        await IntegratorCalls.ShouldBeProblemAsync(paused, HttpStatusCode.TooManyRequests, "rate_limited");
        paused.Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThan(TimeSpan.FromMinutes(9), "the provider's own ask holds every call back");
        RequestsFor(throttled).ShouldBe(1, "a wait past the retry budget is not spent in the call");
        RequestsFor(next).ShouldBe(0);
    }

    [Fact]
    public async Task A_bulk_job_is_scheduled_at_the_tenants_rate_and_every_item_is_deleted_once()
    {
        var mediaIds = Enumerable.Range(0, 10).Select(_ => host.Sandbox.CreateMedia(ProviderKind.NxCloud)).ToList();
        var handledBefore = host.Progress.Handled;

        using var accepted = await _calls.QueueBatchAsync(PacedTenantsFixture.PacedNxCloud, new { items = mediaIds.Select(id => new { mediaId = id }) });

        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var body = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync()).RootElement;
        var estimated = body.GetProperty("estimatedCompletionAt").GetDateTimeOffset();
        estimated.ShouldBeGreaterThan(DateTimeOffset.UtcNow - TimeSpan.FromMinutes(1));
        await host.Progress.WaitForHandledAsync(handledBefore + mediaIds.Count).WaitAsync(TimeSpan.FromMinutes(2));
        using var status = new HttpRequestMessage(HttpMethod.Get, $"/api/tenants/{PacedTenantsFixture.PacedNxCloud}/media/deletions/{body.GetProperty("batchId").GetString()}");
        status.Headers.Add("X-Api-Key", LocalHostFixture.DemoApiKey);
        using var settled = await host.Http.SendAsync(status);
        var batch = JsonDocument.Parse(await settled.Content.ReadAsStringAsync()).RootElement;
        batch.GetProperty("deleted").GetInt32().ShouldBe(mediaIds.Count);
        batch.GetProperty("failed").GetInt32().ShouldBe(0);
        batch.TryGetProperty("nextAttemptAt", out _).ShouldBeFalse("a done batch has no next attempt");

        mediaIds.ShouldAllBe(id => !host.Sandbox.NxCloud.HasMedia(id));
        mediaIds.Sum(id => host.Sandbox.NxCloud.Requests.Count(request => (request.Path + request.Query + request.Body).Contains(id, StringComparison.Ordinal)))
            .ShouldBe(mediaIds.Count, "one provider request per item: paced, nothing refused");
    }

    private int RequestsFor(string mediaId) =>
        host.Sandbox.Meta.Requests.Count(request => request.Path.Contains(mediaId, StringComparison.Ordinal));
}
