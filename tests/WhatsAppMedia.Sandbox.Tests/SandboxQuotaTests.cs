using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.Sandbox.Tests;

/// <summary>A provider account's quota: a token bucket on a fake clock, answered in the provider's throttling shape.</summary>
public sealed class SandboxQuotaTests : SandboxOfItsOwn
{
    [Fact]
    public void The_bucket_admits_its_burst_then_refills_at_its_rate()
    {
        var clock = new FakeTimeProvider();
        var quota = new SandboxQuota(5, 2, clock);

        quota.TryAdmit().ShouldBeTrue();
        quota.TryAdmit().ShouldBeTrue();
        quota.TryAdmit().ShouldBeFalse();
        clock.Advance(TimeSpan.FromMilliseconds(199));
        quota.TryAdmit().ShouldBeFalse();
        clock.Advance(TimeSpan.FromMilliseconds(1));
        quota.TryAdmit().ShouldBeTrue();
        clock.Advance(TimeSpan.FromMinutes(1));
        quota.TryAdmit().ShouldBeTrue();
        quota.TryAdmit().ShouldBeTrue();
        quota.TryAdmit().ShouldBeFalse("an idle minute refills only up to the burst");
        (quota.Admitted, quota.Refused).ShouldBe((5L, 3L));
    }

    [Fact]
    public async Task Parallel_requests_at_a_frozen_clock_admit_exactly_the_burst()
    {
        var quota = new SandboxQuota(1, 7, new FakeTimeProvider());

        var admitted = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(quota.TryAdmit)));

        admitted.Count(ok => ok).ShouldBe(7);
        quota.Refused.ShouldBe(193);
    }

    [Fact]
    public async Task A_meta_delete_over_quota_gets_metas_rate_limit_error_and_the_media_stays()
    {
        var first = Sandbox.CreateMedia(ProviderKind.Meta);
        var second = Sandbox.CreateMedia(ProviderKind.Meta);
        Sandbox.Meta.SetQuota(1, 1, Clock);

        using var admitted = await Http.SendAsync(MetaDelete(first));
        using var refused = await Http.SendAsync(MetaDelete(second));

        admitted.StatusCode.ShouldBe(HttpStatusCode.OK);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        refused.Headers.RetryAfter.ShouldBeNull();
        MetaAnswerClassifierOutcome(await refused.Content.ReadAsStringAsync()).ShouldBe(ProviderOutcome.Throttled);
        Sandbox.Meta.HasMedia(second).ShouldBeTrue();
        (Sandbox.Meta.Quota!.Admitted, Sandbox.Meta.Quota.Refused).ShouldBe((1L, 1L));

        Clock.Advance(TimeSpan.FromSeconds(1));
        using var later = await Http.SendAsync(MetaDelete(second));
        later.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_control_api_sets_reads_and_clears_a_quota_and_refuses_a_bad_one()
    {
        Http.BaseAddress = Sandbox.BaseUri;

        using var bad = await Http.PutAsJsonAsync("/_sandbox/aws/quota", new { requestsPerSecond = 0 });
        using var badBurst = await Http.PutAsJsonAsync("/_sandbox/aws/quota", new { requestsPerSecond = 5, burst = 0 });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("requestsPerSecond");
        badBurst.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Sandbox.Aws.Quota.ShouldBeNull("a refused quota changes nothing");

        using var set = await Http.PutAsJsonAsync("/_sandbox/aws/quota", new { requestsPerSecond = 5 });
        set.StatusCode.ShouldBe(HttpStatusCode.OK);
        var view = JsonDocument.Parse(await (await Http.GetAsync("/_sandbox/aws/quota")).Content.ReadAsStringAsync()).RootElement;
        view.GetProperty("requestsPerSecond").GetDouble().ShouldBe(5);
        view.GetProperty("burst").GetInt32().ShouldBe(5, "one second's worth by default");
        view.GetProperty("refused").GetInt64().ShouldBe(0);

        (await Http.DeleteAsync("/_sandbox/aws/quota")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        Sandbox.Aws.Quota.ShouldBeNull();
        (await Http.GetAsync("/_sandbox/aws/quota")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static ProviderOutcome MetaAnswerClassifierOutcome(string body) =>
        WhatsAppMedia.Core.Providers.Meta.MetaAnswerClassifier.Classify(400, body, null).Outcome;

    private HttpRequestMessage MetaDelete(string mediaId)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(Sandbox.BaseUri, $"meta/v23.0/{mediaId}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SandboxAccounts.Meta.AccessToken);
        return request;
    }
}
