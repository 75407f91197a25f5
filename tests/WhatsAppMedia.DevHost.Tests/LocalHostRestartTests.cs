using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>
/// The local host stopped while it works through a backlog, then started again on the same queue: every message
/// must end deleted, not found, in <c>-failed</c> or in <c>-poison</c> (docs/architecture.md, "Queue": no message is ever dropped).
/// </summary>
public class LocalHostRestartTests(LocalEnvironment environment) : IClassFixture<LocalEnvironment>
{
    /// <summary>The host.json batch size: how many messages one host holds at a time.</summary>
    private const int BatchSize = 16;

    /// <summary>
    /// How many held provider calls the engine is sure to reach: it fetches more only while at most host.json's
    /// <c>newBatchThreshold</c> (8) messages are in flight, so with calls held it stops at 9 or more, but not always at
    /// <see cref="BatchSize"/>: a first fetch made while the bulk POST is still putting its messages takes fewer.
    /// </summary>
    private const int HeldAtLeast = 9;

    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    private SandboxProviderState Meta => environment.Sandbox.Meta;

    /// <param name="maxDequeueCount">
    /// null: host.json's. "1": every delivery is the last, which the trigger poisons when it fails, cancelled or not; the
    /// service queues a cancelled one again instead, so it is neither poisoned nor left pending in its batch.
    /// </param>
    [Theory]
    [InlineData(null)]
    [InlineData("1")]
    public async Task Stopped_past_its_deadline_mid_drain_it_hands_in_flight_messages_back_and_a_restart_accounts_for_every_message(string? maxDequeueCount)
    {
        var backlog = Backlog.Create(environment);
        Meta.InjectFault(SandboxFault.Hang(), times: BatchSize);
        var metaRequestsBefore = Meta.RequestsSeen;
        string[] arguments = maxDequeueCount is null ? [] : [$"--AzureFunctionsJobHost:extensions:queues:maxDequeueCount={maxDequeueCount}"];

        var first = await environment.StartHostAsync(backlog.Queue, arguments);
        await backlog.QueueAsync(first);
        await Meta.WaitForRequestsAsync(metaRequestsBefore + HeldAtLeast).WaitAsync(Guard);
        await first.StopAsync(new CancellationToken(canceled: true));

        var left = backlog.Total - first.Progress.Settled;
        // Each held call is one Meta request. With every delivery the last, each was handed back as a new message and
        // its original completed (so counted settled); otherwise it was released, unsettled.
        var handedBack = maxDequeueCount is null ? 0 : Math.Min(Meta.RequestsSeen - metaRequestsBefore, BatchSize);
        (left + handedBack).ShouldBeGreaterThanOrEqualTo(HeldAtLeast, "the hanging deletions were abandoned, not finished");
        var visible = await first.QueueNamed(backlog.Queue).PeekAsync(32);
        visible.Count.ShouldBe((int)(left + handedBack), "abandoned messages are visible again at once, not after their lease, and none twice");
        await first.DisposeAsync();

        Meta.ClearFaults();
        await using var second = await environment.StartHostAsync(backlog.Queue, arguments);
        await second.Progress.WaitForSettledAsync(left + handedBack).WaitAsync(Guard);

        await backlog.ShouldAllBeAccountedForAsync(second);
    }

    [Fact]
    public async Task Stopped_within_its_deadline_mid_drain_it_lets_in_flight_messages_finish_and_a_restart_does_the_rest()
    {
        var backlog = Backlog.Create(environment);
        var release = new TaskCompletionSource();
        Meta.InjectFault(SandboxFault.Hold(release.Task), times: BatchSize);
        var metaRequestsBefore = Meta.RequestsSeen;

        // The held calls end when the test releases them, never by the provider attempt timeout (10 s by default): on a
        // busy machine reaching the drain could take that long, and the deliveries would fail instead of finishing.
        var first = await environment.StartHostAsync(backlog.Queue, "--Providers:Retry:AttemptTimeout=00:10:00", "--Providers:Retry:TotalBudget=00:10:00");
        await backlog.QueueAsync(first);
        await Meta.WaitForRequestsAsync(metaRequestsBefore + HeldAtLeast).WaitAsync(Guard);
        var stopping = first.StopAsync();
        await first.Progress.Draining.WaitAsync(Guard);
        release.SetResult();
        await stopping.WaitAsync(Guard);
        await first.DisposeAsync();

        first.Progress.Handled.ShouldBe(first.Progress.Settled, "every message the first host took, it finished");
        first.Progress.Settled.ShouldBeGreaterThanOrEqualTo(HeldAtLeast);
        var left = backlog.Total - first.Progress.Settled;
        left.ShouldBeGreaterThan(0, "the first host stopped taking messages while the held ones were in flight");

        Meta.ClearFaults();
        await using var second = await environment.StartHostAsync(backlog.Queue);
        await second.Progress.WaitForSettledAsync(left).WaitAsync(Guard);

        await backlog.ShouldAllBeAccountedForAsync(second);
    }

    /// <summary>
    /// A backlog with one of every ending — small enough that one peek sees all of it —: media to delete and ids the provider does not know (queued through the
    /// bulk endpoint), malformed and unknown-tenant messages, and messages whose provider always fails.
    /// </summary>
    private sealed class Backlog
    {
        private readonly LocalEnvironment _environment;
        private readonly List<string> _deletable;
        private readonly List<string> _unknownMedia;
        private readonly List<string> _failing;
        private readonly List<string> _malformed = Enumerable.Range(0, 3).Select(i => $"{{\"tenantId\":\"demo-meta\",\"broken\":{i}").ToList();
        private readonly List<string> _unknownTenants = Enumerable.Range(0, 3).Select(i => $"nobody-{i}").ToList();
        private string? _batchId;

        private Backlog(LocalEnvironment environment)
        {
            _environment = environment;
            _deletable = Enumerable.Range(0, 20).Select(_ => environment.Sandbox.CreateMedia(ProviderKind.Meta)).ToList();
            _unknownMedia = Enumerable.Range(0, 4).Select(_ => environment.Sandbox.CreateMedia(ProviderKind.Meta)).ToList();
            _unknownMedia.ForEach(id => environment.Sandbox.Meta.RemoveMedia(id));
            _failing = Enumerable.Range(0, 2).Select(_ => environment.Sandbox.CreateMedia(ProviderKind.SmsGatewayCenter)).ToList();
        }

        public string Queue { get; } = "restart" + Guid.NewGuid().ToString("N")[..12];

        public long Total => _deletable.Count + _unknownMedia.Count + _malformed.Count + _unknownTenants.Count + _failing.Count;

        /// <summary>Prepares the media in the sandbox and makes every SMSGatewayCenter request fail until checked.</summary>
        public static Backlog Create(LocalEnvironment environment)
        {
            // The class's tests share one sandbox, and a test that fails stops before it clears its faults.
            environment.Sandbox.Meta.ClearFaults();
            environment.Sandbox.SmsGatewayCenter.ClearFaults();
            var backlog = new Backlog(environment);
            environment.Sandbox.SmsGatewayCenter.InjectFault(SandboxFault.ServerError(503), times: 1000);
            return backlog;
        }

        public async Task QueueAsync(LocalHost host)
        {
            var work = host.QueueNamed(Queue);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tenants/demo-meta/media/deletions")
            {
                Content = JsonContent.Create(new { items = _deletable.Concat(_unknownMedia).Select(id => new { mediaId = id }) }),
            };
            request.Headers.Add("X-Api-Key", LocalHost.DemoApiKey);
            using var response = await host.Http.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            _batchId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batchId").GetString()!;

            foreach (var text in _malformed)
            {
                await work.SendAsync(text);
            }

            foreach (var tenant in _unknownTenants)
            {
                await work.SendAsync(new DeletionMessage(tenant, "1013859600285441").ToJson());
            }

            foreach (var id in _failing)
            {
                await work.SendAsync(new DeletionMessage("demo-sgc", id).ToJson());
            }
        }

        public async Task ShouldAllBeAccountedForAsync(LocalHost host)
        {
            _environment.Sandbox.SmsGatewayCenter.ClearFaults();
            var sandbox = _environment.Sandbox;
            _deletable.ShouldAllBe(id => !sandbox.Meta.HasMedia(id), "deleted");
            _unknownMedia.ShouldAllBe(id => sandbox.Meta.Requests.Any(request => request.Path.EndsWith("/" + id, StringComparison.Ordinal)), "asked, and found missing");

            var failed = (await host.QueueNamed(Queue + "-failed").PeekAsync(32)).Select(message => FailedDeletion.FromJson(message.Text!)!).ToList();
            failed.Where(entry => entry.Code == "malformed_message").Select(entry => entry.Message).Distinct().Order().ShouldBe(_malformed.Order());
            failed.Where(entry => entry.Code == "unknown_tenant").Select(entry => Parse(entry.Message).TenantId).Distinct().Order().ShouldBe(_unknownTenants.Order());
            failed.ShouldAllBe(entry => entry.Code == "malformed_message" || entry.Code == "unknown_tenant");

            var poisoned = (await host.QueueNamed(Queue + "-poison").PeekAsync(32)).Select(message => Parse(message.Text!).MediaId).ToList();
            poisoned.Distinct().Order().ShouldBe(_failing.Order());
            _failing.ShouldAllBe(id => sandbox.SmsGatewayCenter.HasMedia(id));

            (await host.QueueNamed(Queue).GetApproximateMessageCountAsync()).ShouldBe(0);

            // The batch's totals are exact: an abandoned (cancelled) delivery counted nothing, its redelivery once.
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/tenants/demo-meta/media/deletions/{_batchId}");
            request.Headers.Add("X-Api-Key", LocalHost.DemoApiKey);
            using var response = await host.Http.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var status = await response.Content.ReadFromJsonAsync<JsonElement>();
            status.GetProperty("total").GetInt32().ShouldBe(_deletable.Count + _unknownMedia.Count);
            status.GetProperty("deleted").GetInt32().ShouldBe(_deletable.Count);
            status.GetProperty("notFound").GetInt32().ShouldBe(_unknownMedia.Count);
            status.GetProperty("pending").GetInt32().ShouldBe(0);
            status.GetProperty("failed").GetInt32().ShouldBe(0);
            status.GetProperty("poisoned").GetInt32().ShouldBe(0);
        }

        private static DeletionMessage Parse(string text) =>
            DeletionMessage.TryParse(text, out var message, out var problem) ? message : throw new InvalidOperationException(problem);
    }
}
