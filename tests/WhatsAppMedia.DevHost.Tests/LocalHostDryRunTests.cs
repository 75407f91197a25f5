using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>
/// The dry run, <c>GET …/media/deletions/schedule?until=…</c>, through the local host's real port with Azurite and a
/// fake clock (docs/scheduling.md, "Dry run"). Each test has a tenant of its own, so other tests' schedules on the
/// same Azurite cannot show in its counts.
/// </summary>
public class LocalHostDryRunTests(LocalEnvironment environment) : IClassFixture<LocalEnvironment>
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Counts_the_tenants_scheduled_items_per_day_as_they_stand_after_cancel_and_reschedule_and_calls_no_provider()
    {
        var tenant = $"dry-{Guid.NewGuid():N}"[..20];
        var clock = new FakeTimeProvider(new DateTimeOffset(TimeProvider.System.GetUtcNow().UtcDateTime.Date.AddHours(10), TimeSpan.Zero));
        await using var host = await StartAsync($"dry-{Guid.NewGuid():N}"[..24], tenant, clock);
        var now = clock.GetUtcNow();
        var media = Enumerable.Range(0, 5).Select(_ => environment.Sandbox.CreateMedia(ProviderKind.Meta)).ToList();
        var settledBefore = host.Progress.Settled;

        // Two items in 2 days, one in 40 days, one now (not counted: it is being sent).
        using var first = await PostAsync(host, tenant, $$"""
            {"deleteAt":"{{Utc(now.AddDays(2))}}","items":[{"mediaId":"{{media[0]}}"},{"mediaId":"{{media[1]}}"},
             {"mediaId":"{{media[2]}}","deleteAt":"{{Utc(now.AddDays(40))}}"},{"mediaId":"{{media[3]}}","deleteAt":"2020-01-01T00:00:00Z"}]}
            """);
        first.StatusCode.ShouldBe(HttpStatusCode.Accepted, await first.Content.ReadAsStringAsync());
        var firstBatch = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batchId").GetString()!;
        using var second = await PostAsync(host, tenant, $$"""{"deleteAt":"{{Utc(now.AddDays(5))}}","items":[{"mediaId":"{{media[4]}}"}]}""");
        var secondBatch = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batchId").GetString()!;
        await host.Progress.WaitForSettledAsync(settledBefore + 1).WaitAsync(Guard);

        // Another tenant's schedule is not this one's.
        using var foreign = await PostAsync(host, "demo-meta", $$"""{"deleteAt":"{{Utc(now.AddDays(2))}}","items":[{"mediaId":"{{environment.Sandbox.CreateMedia(ProviderKind.Meta)}}"}]}""");
        foreign.StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var requestsBefore = environment.Sandbox.Meta.Requests.Count;
        var all = await DryRunAsync(host, tenant, null);
        all.GetProperty("total").GetInt32().ShouldBe(4);
        Days(all).ShouldBe([(Day(now.AddDays(2)), 2), (Day(now.AddDays(5)), 1), (Day(now.AddDays(40)), 1)]);
        all.GetProperty("until").GetDateTimeOffset().ShouldBe(now.AddDays(3650));
        all.GetProperty("tenantId").GetString().ShouldBe(tenant);

        var nextTenDays = await DryRunAsync(host, tenant, Utc(now.AddDays(10)));
        nextTenDays.GetProperty("total").GetInt32().ShouldBe(3);
        Days(nextTenDays).ShouldBe([(Day(now.AddDays(2)), 2), (Day(now.AddDays(5)), 1)]);
        (await DryRunAsync(host, tenant, Utc(now.AddDays(1)))).GetProperty("total").GetInt32().ShouldBe(0);

        // Cancelled items no longer count; moved ones count on their new day.
        using var cancel = await SendAsync(host, tenant, HttpMethod.Delete, secondBatch);
        cancel.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var patch = await SendAsync(host, tenant, HttpMethod.Patch, firstBatch, $$"""{"deleteAt":"{{Utc(now.AddDays(20))}}"}""");
        patch.StatusCode.ShouldBe(HttpStatusCode.OK, await patch.Content.ReadAsStringAsync());
        var after = await DryRunAsync(host, tenant, null);
        Days(after).ShouldBe([(Day(now.AddDays(20)), 3)]);
        after.GetProperty("total").GetInt32().ShouldBe(3);

        environment.Sandbox.Meta.Requests.Count.ShouldBe(requestsBefore, "a dry run calls no provider");
    }

    [Fact]
    public async Task A_bad_until_is_a_400_naming_it_and_an_unknown_key_a_401()
    {
        var tenant = $"drybad-{Guid.NewGuid():N}"[..20];
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var host = await StartAsync($"drybad-{Guid.NewGuid():N}"[..24], tenant, clock);
        string[] hostile =
        [
            "until=2030-01-01",
            "until=2030-01-01T00:00:00%2B01:00",
            "until=10000-01-01T00:00:00Z",
            "until=2030-02-30T00:00:00Z",
            "until=" + Utc(clock.GetUtcNow().AddDays(3651)),
            "until=",
            "until=2030-01-01T00:00:00Z&until=2031-01-01T00:00:00Z",
        ];
        foreach (var query in hostile)
        {
            using var refused = await GetAsync(host, tenant, query);
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, query);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            problem.GetProperty("code").GetString().ShouldBe("invalid_request", query);
            problem.GetProperty("detail").GetString()!.ShouldContain("'until'", Case.Sensitive, query);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/tenants/{tenant}/media/deletions/schedule");
        request.Headers.Add("X-Api-Key", "wrong-key");
        using var unauthorized = await host.Http.SendAsync(request);
        unauthorized.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private Task<LocalHost> StartAsync(string queue, string tenant, FakeTimeProvider clock) =>
        environment.StartHostAsync(
            queue,
            builder => builder.Services.AddSingleton<TimeProvider>(clock),
            [
                "--MediaDeletion:BatchRetention=400.00:00:00",
                "--Scheduling:SweepPeriod=01:00:00",
                IntegratorTenantsFixture.OwnMetaTenant(tenant),
            ]);

    private static async Task<JsonElement> DryRunAsync(LocalHost host, string tenant, string? until)
    {
        using var response = await GetAsync(host, tenant, until is null ? null : "until=" + until);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<HttpResponseMessage> GetAsync(LocalHost host, string tenant, string? query)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/tenants/{tenant}/media/deletions/schedule" + (query is null ? string.Empty : "?" + query));
        request.Headers.Add("X-Api-Key", LocalHost.DemoApiKey);
        return host.Http.SendAsync(request);
    }

    private static (string Date, int Count)[] Days(JsonElement answer) =>
        answer.GetProperty("days").EnumerateArray().Select(day => (day.GetProperty("date").GetString()!, day.GetProperty("count").GetInt32())).ToArray();

    private static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static Task<HttpResponseMessage> PostAsync(LocalHost host, string tenant, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tenants/{tenant}/media/deletions") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", LocalHost.DemoApiKey);
        return host.Http.SendAsync(request);
    }

    private static Task<HttpResponseMessage> SendAsync(LocalHost host, string tenant, HttpMethod method, string batchId, string? body = null)
    {
        var request = new HttpRequestMessage(method, $"/api/tenants/{tenant}/media/deletions/{batchId}");
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        request.Headers.Add("X-Api-Key", LocalHost.DemoApiKey);
        return host.Http.SendAsync(request);
    }
}
