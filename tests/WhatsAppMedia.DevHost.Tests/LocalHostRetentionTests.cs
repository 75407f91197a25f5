using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Core.Scheduling;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>
/// Retention through the local host's real port, with Azurite, the sandbox and a fake clock in the host
/// (docs/scheduling.md, "Retention"). The sample's <c>demo-meta</c> keeps media 3 days (<c>"retention":{"deleteAfter":"P3D"}</c>);
/// Meta drops uploaded media after 30 days and received media after 7.
/// </summary>
public class LocalHostRetentionTests(LocalEnvironment environment) : IClassFixture<LocalEnvironment>
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);
    private static readonly string[] Overrides = ["--MediaDeletion:BatchRetention=400.00:00:00", "--Scheduling:SweepPeriod=01:00:00"];

    [Fact]
    public async Task Registered_media_is_deleted_at_its_time_plus_the_tenants_retention_and_media_the_provider_already_dropped_is_never_sent()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var host = await environment.StartHostAsync($"keep-{Guid.NewGuid():N}"[..24], builder => builder.Services.AddSingleton<TimeProvider>(clock), Overrides);
        var meta = environment.Sandbox.Meta;
        var now = clock.GetUtcNow();
        var uploadedNow = environment.Sandbox.CreateMedia(ProviderKind.Meta);
        var receivedFiveDaysAgo = environment.Sandbox.CreateMedia(ProviderKind.Meta);
        var receivedEightDaysAgo = environment.Sandbox.CreateMedia(ProviderKind.Meta);
        var settledFirst = host.Progress.Settled;

        using var accepted = await RegisterAsync(host, "demo-meta", JsonSerializer.Serialize(new
        {
            items = new object[]
            {
                new { mediaId = uploadedNow, origin = "uploaded", at = Utc(now) },
                new { mediaId = receivedFiveDaysAgo, origin = "received", at = Utc(now.AddDays(-5)) },
                new { mediaId = receivedEightDaysAgo, origin = "received", at = Utc(now.AddDays(-8)) },
            },
        }));

        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        var answer = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        answer.GetProperty("accepted").GetInt32().ShouldBe(3);
        answer.GetProperty("expiredAtProvider").GetInt32().ShouldBe(1, "received 8 days ago: Meta dropped it on day 7");
        answer.GetProperty("estimatedCompletionAt").GetDateTimeOffset().ShouldBe(Second(now.AddDays(3)));
        var batchId = answer.GetProperty("batchId").GetString()!;

        // Received 5 days ago with a 3-day policy: due 2 days ago, so deleted now.
        await host.Progress.WaitForSettledAsync(settledFirst + 1).WaitAsync(Guard);
        meta.HasMedia(receivedFiveDaysAgo).ShouldBeFalse();
        var status = await BatchStatusReader.StatusAsync(host, batchId);
        status.GetProperty("deleted").GetInt32().ShouldBe(1);
        status.GetProperty("expiredAtProvider").GetInt32().ShouldBe(1);
        status.GetProperty("scheduled").GetInt32().ShouldBe(1);
        status.GetProperty("nextDueAt").GetDateTimeOffset().ShouldBe(Second(now.AddDays(3)));

        // Not a minute early.
        clock.SetUtcNow(now.AddDays(3).AddMinutes(-6));
        await host.Service<ScheduleSweepJob>().RunAsync();
        meta.HasMedia(uploadedNow).ShouldBeTrue();

        var settledBefore = host.Progress.Settled;
        clock.SetUtcNow(Second(now.AddDays(3)));
        await host.Service<ScheduleSweepJob>().RunAsync();
        await host.Progress.WaitForSettledAsync(settledBefore + 1).WaitAsync(Guard);

        meta.HasMedia(uploadedNow).ShouldBeFalse();
        meta.HasMedia(receivedEightDaysAgo).ShouldBeTrue("nothing is sent for media the provider has dropped (the sandbox does not expire it)");
        meta.Requests.Where(request => request.Method == "DELETE").Count(request => request.Path.Contains(receivedEightDaysAgo, StringComparison.Ordinal)).ShouldBe(0);
        meta.Requests.Where(request => request.Method == "DELETE").Count(request => request.Path.Contains(uploadedNow, StringComparison.Ordinal)).ShouldBe(1);
        var done = await BatchStatusReader.StatusAsync(host, batchId);
        done.GetProperty("deleted").GetInt32().ShouldBe(2);
        done.GetProperty("expiredAtProvider").GetInt32().ShouldBe(1);
        done.GetProperty("done").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_tenant_without_retention_and_hostile_registrations_are_refused_and_nothing_is_queued()
    {
        var queue = $"keepbad-{Guid.NewGuid():N}"[..24];
        await using var host = await environment.StartHostAsync(queue);
        var mediaId = environment.Sandbox.CreateMedia(ProviderKind.Meta);
        var now = TimeProvider.System.GetUtcNow();

        using var noPolicy = await RegisterAsync(host, "demo-aws", $$"""{"items":[{"mediaId":"{{mediaId}}","origin":"uploaded","at":"{{Utc(now)}}"}]}""");
        noPolicy.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await noPolicy.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe("retention_not_set");
        problem.GetProperty("detail").GetString()!.ShouldContain("retention.deleteAfter");

        (string Item, string Field)[] hostile =
        [
            ($$"""{"mediaId":"{{mediaId}}","at":"{{Utc(now)}}"}""", "items[0].origin"),
            ($$"""{"mediaId":"{{mediaId}}","origin":"sent","at":"{{Utc(now)}}"}""", "items[0].origin"),
            ($$"""{"mediaId":"{{mediaId}}","origin":7,"at":"{{Utc(now)}}"}""", "items[0].origin"),
            ($$"""{"mediaId":"{{mediaId}}","origin":"uploaded"}""", "items[0].at"),
            ($$"""{"mediaId":"{{mediaId}}","origin":"uploaded","at":"2026-12-01T10:00:00+01:00"}""", "items[0].at"),
            ($$"""{"mediaId":"{{mediaId}}","origin":"uploaded","at":"{{Utc(now.AddHours(1))}}"}""", "items[0].at"),
            ($$"""{"mediaId":"{{mediaId}}","origin":"uploaded","at":"2026-02-30T10:00:00Z"}""", "items[0].at"),
        ];
        foreach (var (item, field) in hostile)
        {
            using var refused = await RegisterAsync(host, "demo-meta", $$"""{"items":[{{item}}]}""");
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, item);
            var body = await refused.Content.ReadFromJsonAsync<JsonElement>();
            body.GetProperty("code").GetString().ShouldBe("invalid_registration", item);
            body.GetProperty("errors")[0].GetProperty("detail").GetString()!.ShouldContain($"'{field}'", Case.Sensitive, item);
        }

        using var badMediaId = await RegisterAsync(host, "demo-meta", $$"""{"items":[{"mediaId":"not digits","origin":"uploaded","at":"{{Utc(now)}}"}]}""");
        (await badMediaId.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("invalid_media_id");
        (await host.QueueNamed(queue).PeekAsync(32)).ShouldBeEmpty();
        environment.Sandbox.Meta.HasMedia(mediaId).ShouldBeTrue();
    }

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Second(DateTimeOffset time) => new(time.UtcTicks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);

    private static Task<HttpResponseMessage> RegisterAsync(LocalHost host, string tenant, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tenants/{tenant}/media/registrations") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", LocalHost.DemoApiKey);
        return host.Http.SendAsync(request);
    }
}
