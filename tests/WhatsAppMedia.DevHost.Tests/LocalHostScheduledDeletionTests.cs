using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Scheduling;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>
/// Scheduled deletions through the local host's real port, with Azurite, the sandbox and a fake clock in the hosts
/// (docs/scheduling.md). The queue itself runs on real time, so the clock is moved straight to an item's due time
/// before the sweep that queues it: the message is then visible at once.
/// </summary>
public class LocalHostScheduledDeletionTests(LocalEnvironment environment) : IClassFixture<LocalEnvironment>
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    // Batch retention runs on the same clock: a month's jump must not remove the batch under test.
    private static readonly string[] Overrides = ["--MediaDeletion:BatchRetention=400.00:00:00", "--Scheduling:SweepPeriod=01:00:00"];

    [Fact]
    public async Task An_item_30_days_ahead_is_scheduled_and_deleted_once_the_clock_reaches_it_and_not_before()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var host = await StartAsync($"later-{Guid.NewGuid():N}"[..24], clock);
        var mediaId = environment.Sandbox.CreateMedia(ProviderKind.Meta);
        var due = new DateTimeOffset(clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddDays(30).AddHours(9);

        using var accepted = await PostAsync(host, $$"""{"items":[{"mediaId":"{{mediaId}}","deleteAt":"{{due:yyyy-MM-dd'T'HH:mm:ss'Z'}}"}]}""");
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        var answer = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        answer.GetProperty("estimatedCompletionAt").GetDateTimeOffset().ShouldBe(due);
        var batchId = answer.GetProperty("batchId").GetString()!;

        var scheduled = await BatchStatusReader.StatusAsync(host, batchId);
        scheduled.GetProperty("scheduled").GetInt32().ShouldBe(1);
        scheduled.GetProperty("pending").GetInt32().ShouldBe(0);
        scheduled.GetProperty("nextDueAt").GetDateTimeOffset().ShouldBe(due);
        scheduled.GetProperty("done").GetBoolean().ShouldBeFalse();

        // Six minutes before: outside EnqueueAhead (5 minutes), so a sweep leaves it in the table.
        clock.SetUtcNow(due - TimeSpan.FromMinutes(6));
        await host.Service<ScheduleSweepJob>().RunAsync();
        (await host.QueueNamed(host.Queue).PeekAsync(32)).ShouldBeEmpty();
        environment.Sandbox.Meta.HasMedia(mediaId).ShouldBeTrue();

        var settledBefore = host.Progress.Settled;
        clock.SetUtcNow(due);
        await host.Service<ScheduleSweepJob>().RunAsync();
        await host.Progress.WaitForSettledAsync(settledBefore + 1).WaitAsync(Guard);

        environment.Sandbox.Meta.HasMedia(mediaId).ShouldBeFalse();
        var done = await BatchStatusReader.StatusAsync(host, batchId);
        done.GetProperty("deleted").GetInt32().ShouldBe(1);
        done.GetProperty("scheduled").GetInt32().ShouldBe(0);
        done.GetProperty("done").GetBoolean().ShouldBeTrue();
        done.TryGetProperty("nextDueAt", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Two_hosts_sweeping_after_a_third_died_mid_sweep_delete_every_due_item_exactly_once()
    {
        const int Items = 60;
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var queue = $"sweep-{Guid.NewGuid():N}"[..24];
        await using var first = await StartAsync(queue, clock);
        await using var second = await StartAsync(queue, clock);
        var meta = environment.Sandbox.Meta;
        var mediaIds = Enumerable.Range(0, Items).Select(_ => environment.Sandbox.CreateMedia(ProviderKind.Meta)).ToList();
        var due = clock.GetUtcNow().AddDays(10);
        var removedBefore = meta.MediaRemoved;

        using var accepted = await PostAsync(
            first, JsonSerializer.Serialize(new { deleteAt = due.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), items = mediaIds.Select(id => new { mediaId = id }) }));
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        var batchId = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batchId").GetString()!;
        due = new DateTimeOffset(due.UtcDateTime.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);

        // A third instance swept at the due time and died: it had claimed 20 rows and queued 10 of them, removing none.
        // Its claims are taken before the live hosts' clock moves, so their background sweeps, which the jump wakes,
        // cannot race them.
        var dead = new TableScheduleStore(new TableServiceClient(environment.StorageConnectionString));
        var rows = new List<ScheduledDeletion>();
        await foreach (var row in dead.ListDueAsync(due, CancellationToken.None))
        {
            if (row.Message.BatchId == batchId)
            {
                rows.Add(row);
            }
        }

        rows.Count.ShouldBe(Items);
        var claimTimeout = new SchedulingOptions().ClaimTimeout;
        var claimed = new List<ScheduledDeletion>();
        foreach (var row in rows.Take(20))
        {
            claimed.Add((await dead.TryClaimAsync(row, due + claimTimeout, CancellationToken.None)).ShouldNotBeNull());
        }

        // Its queued messages are due when they show (the consumers' clock is at the due time by then).
        clock.SetUtcNow(due);
        foreach (var row in claimed.Take(10))
        {
            await first.Service<IDeletionQueue>().EnqueueAsync(row.Message, TimeSpan.Zero);
        }

        // Both live hosts sweep at once (their background sweeps, woken by the clock's jump, may take part too): they
        // leave the dead one's live claims alone and share the other 40 rows.
        var swept = await Task.WhenAll(first.Service<ScheduleSweepJob>().RunAsync(), second.Service<ScheduleSweepJob>().RunAsync());
        swept.Sum().ShouldBeLessThanOrEqualTo(Items - 20);
        await meta.WaitForMediaRemovedAsync(removedBefore + Items - 10).WaitAsync(Guard);
        await WaitForSettledAsync(Items - 10, first, second);
        claimed.Skip(10).ShouldAllBe(row => meta.HasMedia(row.Message.MediaId), "a live claim is left alone");

        // Once its claims expire, the next sweeps take the 20 rows over: 10 never queued, 10 queued already.
        clock.Advance(claimTimeout + TimeSpan.FromSeconds(1));
        swept = await Task.WhenAll(first.Service<ScheduleSweepJob>().RunAsync(), second.Service<ScheduleSweepJob>().RunAsync());
        swept.Sum().ShouldBeLessThanOrEqualTo(20);
        await meta.WaitForMediaRemovedAsync(removedBefore + Items).WaitAsync(Guard);
        await WaitForSettledAsync(Items + 10, first, second);

        mediaIds.ShouldAllBe(id => !meta.HasMedia(id));
        var deletes = meta.Requests.Where(request => request.Method == "DELETE").ToList();
        mediaIds.ShouldAllBe(id => deletes.Count(request => request.Path.Contains(id, StringComparison.Ordinal)) == 1, "one DELETE per item, the second copies included");
        var status = await BatchStatusReader.StatusAsync(first, batchId);
        status.GetProperty("deleted").GetInt32().ShouldBe(Items);
        status.GetProperty("done").GetBoolean().ShouldBeTrue();
    }

    [Theory]
    [InlineData("""{"deleteAt":"2027-01-31","items":[{"mediaId":"1013859600285441"}]}""", "'deleteAt' must be an ISO 8601 UTC time ending in Z", null)]
    [InlineData("""{"deleteAt":"+10000-01-01T00:00:00Z","items":[{"mediaId":"1013859600285441"}]}""", "'deleteAt' must be an ISO 8601 UTC time ending in Z", null)]
    [InlineData("""{"items":[{"mediaId":"1013859600285441"},{"mediaId":"1013859600285442","deleteAt":"2027-01-31T09:00:00+01:00"}]}""", "'items[1].deleteAt' must be an ISO 8601 UTC time ending in Z", 1)]
    [InlineData("""{"items":[{"mediaId":"1013859600285441","deleteAt":"2099-01-01T00:00:00Z"}]}""", "'items[0].deleteAt' may be at most 3,650 days ahead", 0)]
    [InlineData("""{"items":[{"mediaId":"1013859600285441","deleteAt":true}]}""", "'items[0].deleteAt' must be a string", 0)]
    public async Task A_hostile_deleteAt_is_400_invalid_delete_at_naming_the_field_and_item_and_queues_nothing(string body, string detail, int? index)
    {
        var queue = $"hostile-{Guid.NewGuid():N}"[..24];
        await using var host = await StartAsync(queue, new FakeTimeProvider(TimeProvider.System.GetUtcNow()));

        using var refused = await PostAsync(host, body);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe("invalid_delete_at");
        if (index is { } item)
        {
            var error = problem.GetProperty("errors").EnumerateArray().ShouldHaveSingleItem();
            error.GetProperty("index").GetInt32().ShouldBe(item);
            error.GetProperty("code").GetString().ShouldBe("invalid_delete_at");
            error.GetProperty("detail").GetString().ShouldNotBeNull().ShouldStartWith(detail);
        }
        else
        {
            problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldStartWith(detail);
            problem.TryGetProperty("errors", out _).ShouldBeFalse();
        }

        (await host.QueueNamed(queue).PeekAsync(32)).ShouldBeEmpty();
    }

    [Fact]
    public async Task DELETE_cancels_the_waiting_items_and_PATCH_moves_them_and_the_provider_sees_only_what_was_not_cancelled()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var host = await StartAsync($"cancel-{Guid.NewGuid():N}"[..24], clock);
        var meta = environment.Sandbox.Meta;
        var now = environment.Sandbox.CreateMedia(ProviderKind.Meta);
        var cancelled = environment.Sandbox.CreateMedia(ProviderKind.Meta);
        var moved = environment.Sandbox.CreateMedia(ProviderKind.Meta);
        var due = clock.GetUtcNow().AddDays(30);
        var later = new DateTimeOffset(clock.GetUtcNow().AddDays(60).UtcDateTime.Date, TimeSpan.Zero);
        var settledBefore = host.Progress.Settled;

        // A past deleteAt means now: that item is sent at once and is not the cancel's to stop.
        using var first = await PostAsync(host, $$"""{"deleteAt":"{{Utc(due)}}","items":[{"mediaId":"{{cancelled}}"},{"mediaId":"{{now}}","deleteAt":"2020-01-01T00:00:00Z"}]}""");
        var firstBatch = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batchId").GetString()!;
        using var second = await PostAsync(host, $$"""{"deleteAt":"{{Utc(due)}}","items":[{"mediaId":"{{moved}}"}]}""");
        var secondBatch = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batchId").GetString()!;
        await host.Progress.WaitForSettledAsync(settledBefore + 1).WaitAsync(Guard);

        using var cancel = await SendAsync(host, HttpMethod.Delete, firstBatch);
        cancel.StatusCode.ShouldBe(HttpStatusCode.OK, await cancel.Content.ReadAsStringAsync());
        var cancelAnswer = await cancel.Content.ReadFromJsonAsync<JsonElement>();
        (cancelAnswer.GetProperty("cancelled").GetInt32(), cancelAnswer.GetProperty("alreadySent").GetInt32()).ShouldBe((1, 1));

        using var patch = await SendAsync(host, HttpMethod.Patch, secondBatch, $$"""{"deleteAt":"{{Utc(later)}}"}""");
        patch.StatusCode.ShouldBe(HttpStatusCode.OK, await patch.Content.ReadAsStringAsync());
        var patchAnswer = await patch.Content.ReadFromJsonAsync<JsonElement>();
        patchAnswer.GetProperty("rescheduled").GetInt32().ShouldBe(1);
        patchAnswer.GetProperty("deleteAt").GetDateTimeOffset().ShouldBe(later);
        (await BatchStatusReader.StatusAsync(host, secondBatch)).GetProperty("nextDueAt").GetDateTimeOffset().ShouldBe(later);

        // At the old time nothing is due any more.
        clock.SetUtcNow(due);
        await host.Service<ScheduleSweepJob>().RunAsync();
        (await host.QueueNamed(host.Queue).PeekAsync(32)).ShouldBeEmpty();

        var removedBefore = meta.MediaRemoved;
        clock.SetUtcNow(later);
        await host.Service<ScheduleSweepJob>().RunAsync();
        await meta.WaitForMediaRemovedAsync(removedBefore + 1).WaitAsync(Guard);

        meta.HasMedia(now).ShouldBeFalse();
        meta.HasMedia(moved).ShouldBeFalse();
        meta.HasMedia(cancelled).ShouldBeTrue();
        meta.Requests.ShouldNotContain(request => request.Method == "DELETE" && request.Path.Contains(cancelled, StringComparison.Ordinal));
        var firstStatus = await BatchStatusReader.StatusAsync(host, firstBatch);
        (firstStatus.GetProperty("cancelled").GetInt32(), firstStatus.GetProperty("deleted").GetInt32(), firstStatus.GetProperty("done").GetBoolean()).ShouldBe((1, 1, true));
    }

    [Theory]
    [InlineData("PATCH", "application/json", """{"deleteAt":"2027-01-31T09:00:00+01:00"}""", HttpStatusCode.BadRequest, "invalid_delete_at")]
    [InlineData("PATCH", "application/json", """{"deleteAt":7}""", HttpStatusCode.BadRequest, "invalid_delete_at")]
    [InlineData("PATCH", "application/json", """{"when":"2027-01-31T09:00:00Z"}""", HttpStatusCode.BadRequest, "invalid_request")]
    [InlineData("PATCH", "application/json", "not json", HttpStatusCode.BadRequest, "invalid_request")]
    [InlineData("PATCH", "text/plain", """{"deleteAt":null}""", HttpStatusCode.UnsupportedMediaType, "unsupported_media_type")]
    [InlineData("PATCH", "application/json", """{"deleteAt":null}""", HttpStatusCode.NotFound, "batch_not_found")]
    [InlineData("DELETE", null, null, HttpStatusCode.NotFound, "batch_not_found")]
    public async Task A_bad_cancel_or_reschedule_gets_its_own_problem_answer(string method, string? contentType, string? body, HttpStatusCode status, string code)
    {
        await using var host = await StartAsync($"badedit-{Guid.NewGuid():N}"[..24], new FakeTimeProvider(TimeProvider.System.GetUtcNow()));

        using var response = await SendAsync(host, new HttpMethod(method), Guid.NewGuid().ToString("N"), body, contentType);
        using var malformed = await SendAsync(host, new HttpMethod(method), "not-a-batch", body, contentType);

        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe(code);
        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await malformed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("invalid_batch_id", "the batch id is checked before the body");
    }

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static Task<HttpResponseMessage> SendAsync(LocalHost host, HttpMethod method, string batchId, string? body = null, string? contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, $"/api/tenants/demo-meta/media/deletions/{batchId}");
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, contentType ?? "application/json");
        }

        request.Headers.Add("X-Api-Key", LocalHost.DemoApiKey);
        return host.Http.SendAsync(request);
    }

    private static async Task WaitForSettledAsync(long count, LocalHost first, LocalHost second)
    {
        // Either host may take any message; together they settle every one.
        while (first.Progress.Settled + second.Progress.Settled < count)
        {
            await Task.WhenAny(first.Progress.WaitForSettledAsync(first.Progress.Settled + 1), second.Progress.WaitForSettledAsync(second.Progress.Settled + 1)).WaitAsync(Guard);
        }
    }

    private Task<LocalHost> StartAsync(string queue, FakeTimeProvider clock) =>
        environment.StartHostAsync(queue, builder => builder.Services.AddSingleton<TimeProvider>(clock), Overrides);

    private static Task<HttpResponseMessage> PostAsync(LocalHost host, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/tenants/demo-meta/media/deletions") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", LocalHost.DemoApiKey);
        return host.Http.SendAsync(request);
    }
}
