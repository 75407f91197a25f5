using Azure.Storage.Queues;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.DevHost.Azurite;

namespace WhatsAppMedia.Cli.Tests;

/// <summary><c>whatsapp-media queue redrive</c> against a real Azurite, configured as the service is.</summary>
public sealed class QueueRedriveCommandTests(CliFixture fixture) : IClassFixture<CliFixture>, IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    [Fact]
    public async Task It_moves_poisoned_messages_per_tenant_and_a_dry_run_moves_nothing()
    {
        var queue = "cli-" + Guid.NewGuid().ToString("N")[..12];
        var queues = new QueueServiceClient(_azurite!.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var poison = queues.GetQueueClient(queue + "-poison");
        await poison.CreateAsync();
        await poison.SendMessageAsync(new DeletionMessage("acme", "1", Attempt: 3).ToJson());
        await poison.SendMessageAsync(new DeletionMessage("acme", "2").ToJson());
        await poison.SendMessageAsync(new DeletionMessage("globex", "3").ToJson());
        var settings = new Dictionary<string, string?> { ["AzureWebJobsStorage"] = _azurite.ConnectionString, ["MediaDeletion__Queue"] = queue };

        var dry = await fixture.RunAsync(settings, "queue", "redrive", "--from", "poison", "--dry-run");
        var filtered = await fixture.RunAsync(settings, "queue", "redrive", "--from", "poison", "--tenant", "globex");
        var rest = await fixture.RunAsync(settings, "queue", "redrive", "--from", "poison");
        var empty = await fixture.RunAsync(settings, "queue", "redrive", "--from", "poison");

        dry.ExitCode.ShouldBe(ExitCodes.Ok, dry.Error);
        dry.Output.ShouldBe($"acme: 2{Environment.NewLine}globex: 1{Environment.NewLine}total: 3{Environment.NewLine}");
        dry.Error.ShouldContain("Dry run");
        filtered.Output.ShouldBe($"globex: 1{Environment.NewLine}total: 1{Environment.NewLine}");
        rest.Output.ShouldBe($"acme: 2{Environment.NewLine}total: 2{Environment.NewLine}");
        empty.Output.ShouldBe($"total: 0{Environment.NewLine}");
        var work = (await queues.GetQueueClient(queue).PeekMessagesAsync(32)).Value
            .Select(message => DeletionMessage.TryParse(message.Body.ToString(), out var parsed, out _) ? parsed : null).ToList();
        work.Select(message => (message!.MediaId, message.Attempt)).Order().ShouldBe([("1", 0), ("2", 0), ("3", 0)]);
    }

    [Fact]
    public async Task Bad_options_and_missing_storage_settings_are_usage_errors_and_unreachable_storage_is_a_storage_error()
    {
        var badSource = await fixture.RunAsync(null, "queue", "redrive", "--from", "elsewhere");
        var badTenant = await fixture.RunAsync(null, "queue", "redrive", "--from", "failed", "--tenant", "Not Valid");
        var noStorage = await fixture.RunAsync(null, "queue", "redrive", "--from", "failed");
        var down = await fixture.RunAsync(
            new Dictionary<string, string?> { ["AzureWebJobsStorage"] = Core.Queues.DevelopmentStorage.ConnectionStringFor(new Uri("http://127.0.0.1:1/devstoreaccount1")) },
            "queue", "redrive", "--from", "failed");

        badSource.ExitCode.ShouldBe(ExitCodes.Usage);
        badTenant.ExitCode.ShouldBe(ExitCodes.Usage);
        noStorage.ExitCode.ShouldBe(ExitCodes.Usage);
        noStorage.Error.ShouldContain("AzureWebJobsStorage");
        down.ExitCode.ShouldBe(ExitCodes.StorageError, down.Error);
        down.Error.ShouldNotContain(Core.Queues.DevelopmentStorage.AccountKey);
    }
}
