using System.Net;
using Microsoft.Extensions.Logging;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>
/// The shipped log levels (docs/logging.md) write one line at Information per DELETE through the real port and one per
/// queue message: the service's own, with tenant, provider, operation, outcome, attempts and duration. HttpClient's and
/// ASP.NET Core's lines stay below Information unless a setting turns them back on.
/// </summary>
/// <remarks>
/// Alone in the process while it runs: the Azure SDK's event-source lines reach every host's loggers in the process, so
/// another test's expected 404 (a peek at a -poison queue not yet created) would be counted here.
/// </remarks>
[Collection(LogVolumeCollection.Name)]
public class LocalHostLogVolumeTests(LocalEnvironment environment) : IClassFixture<LocalEnvironment>
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task One_delete_writes_one_line_at_information()
    {
        var logs = new RecordedLogs();
        await using var host = await StartAsync(logs);
        var first = environment.Sandbox.CreateMedia(ProviderKind.Meta);
        var second = environment.Sandbox.CreateMedia(ProviderKind.Meta);
        var before = logs.Entries.Count;

        await DeleteAsync(host, first);
        await DeleteAsync(host, second);

        // The second request's own line has been written, so anything the first wrote after its answer is in too.
        await logs.WaitForAsync(entry => entry.Message.Contains(second, StringComparison.Ordinal)).WaitAsync(Guard);
        var lines = InformationAndAbove(logs, before);
        lines.Count.ShouldBe(2, string.Join(Environment.NewLine, lines.Select(line => $"{line.Category}: {line.Message}")));
        var line = lines.Single(entry => entry.Message.Contains(first, StringComparison.Ordinal));
        line.Message.ShouldContain("demo-meta (meta)");
        line.Message.ShouldContain("delete deleted after 1 attempt(s) in ");
        line.Message.ShouldContain(" ms; request ");
    }

    [Fact]
    public async Task One_queue_message_writes_one_line_at_information()
    {
        var logs = new RecordedLogs();
        await using var host = await StartAsync(logs);
        var mediaId = environment.Sandbox.CreateMedia(ProviderKind.Meta);
        var before = logs.Entries.Count;

        await host.QueueNamed(host.Queue).SendAsync(new DeletionMessage("demo-meta", mediaId).ToJson());
        await host.Progress.WaitForSettledAsync(1).WaitAsync(Guard);

        var lines = InformationAndAbove(logs, before);
        lines.Count.ShouldBe(1, string.Join(Environment.NewLine, lines.Select(line => $"{line.Category}: {line.Message}")));
        lines[0].Message.ShouldContain($"media {mediaId}: delete deleted after 1 attempt(s) in ");
    }

    [Fact]
    public async Task The_provider_calls_come_back_with_one_setting()
    {
        var logs = new RecordedLogs();
        await using var host = await StartAsync(logs, "--Logging:LogLevel:System.Net.Http.HttpClient=Information");
        var mediaId = environment.Sandbox.CreateMedia(ProviderKind.Meta);

        await DeleteAsync(host, mediaId);

        await logs.WaitForAsync(entry => entry.Category.StartsWith("System.Net.Http.HttpClient.", StringComparison.Ordinal) && entry.Level == LogLevel.Information).WaitAsync(Guard);
    }

    private Task<LocalHost> StartAsync(RecordedLogs logs, params string[] overrides) =>
        environment.StartHostAsync(
            $"logs-{Guid.NewGuid():N}"[..24],
            builder => builder.Logging.AddProvider(logs),
            // The test hosts run at Warning; this restores the shipped default level, the rest of the defaults stay.
            ["--Logging:LogLevel:Default=Information", .. overrides]);

    private static List<RecordedLog> InformationAndAbove(RecordedLogs logs, int skip) =>
        [.. logs.Entries.Skip(skip).Where(entry => entry.Level >= LogLevel.Information)];

    private static async Task DeleteAsync(LocalHost host, string mediaId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/tenants/demo-meta/media/{mediaId}");
        request.Headers.Add("X-Api-Key", LocalHost.DemoApiKey);
        using var response = await host.Http.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
