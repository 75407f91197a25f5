using Microsoft.Extensions.DependencyInjection;
using WhatsAppMedia.Core.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace WhatsAppMedia.DevHost.Tests;

public class DevHostApplicationTests
{
    [Fact]
    public async Task The_shutdown_deadline_the_readme_documents_is_taken_from_the_command_line()
    {
        await using var app = DevHostApplication.Create(["--shutdownTimeoutSeconds=7"]);

        app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout.ShouldBe(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task The_shutdown_deadline_defaults_to_thirty_seconds()
    {
        await using var app = DevHostApplication.Create([]);

        app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout.ShouldBe(TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData("", "AzureWebJobsStorage", "not set")]
    [InlineData("AccountName=devstoreaccount1;AccountKey=c2VjcmV0LWtleS1ub3QtdG8tYmUtc2hvd24=;Garbage", "AzureWebJobsStorage", "not a usable storage connection string")]
    public async Task A_missing_or_malformed_storage_setting_stops_start_up_naming_the_setting_and_never_its_value(string value, string setting, string problem)
    {
        var error = await StartOfflineAsync($"--AzureWebJobsStorage={value}");

        error.SettingName.ShouldBe(setting);
        error.Message.ShouldContain(problem);
        error.Message.ShouldNotContain("c2VjcmV0LWtleS1ub3QtdG8tYmUtc2hvd24=");
    }

    /// <summary>Identity-based endpoints as users write them (https://github.com/MicrosoftDocs/azure-docs/issues/83529): each stops start-up naming the setting and the form it needs.</summary>
    [Theory]
    [InlineData("queueServiceUri", "myaccount.queue.core.windows.net", "https://myaccount.queue.core.windows.net")]
    [InlineData("queueServiceUri", "https://myaccount.queue.core.windows.net/media-deletions", "without a path")]
    [InlineData("queueServiceUri", "https://myaccount.blob.core.windows.net/", "points at the blob endpoint")]
    [InlineData("tableServiceUri", "https://myaccount.blob.core.windows.net", "points at the blob endpoint")]
    [InlineData("tableServiceUri", "https://myaccount.table.core.windows.net/mediadeletionbatches", "without a path")]
    public async Task An_identity_based_endpoint_in_the_wrong_shape_stops_start_up_naming_the_setting(string key, string value, string problem)
    {
        var error = await StartOfflineAsync(
            "--AzureWebJobsStorage=",
            "--AzureWebJobsStorage:queueServiceUri=https://myaccount.queue.core.windows.net/",
            "--AzureWebJobsStorage:tableServiceUri=https://myaccount.table.core.windows.net/",
            $"--AzureWebJobsStorage:{key}={value}");

        error.SettingName.ShouldBe($"AzureWebJobsStorage__{key}");
        error.Message.ShouldContain(problem);
    }

    /// <summary>Starts the local host on a free port with no sandbox and no logs, and returns the storage error start-up stopped with.</summary>
    private static async Task<QueueStorageConfigurationException> StartOfflineAsync(params string[] storageArgs)
    {
        await using var app = DevHostApplication.Create(["--urls=http://127.0.0.1:0", "--Sandbox:Enabled=false", "--Logging:LogLevel:Default=None", .. storageArgs]);
        return await Should.ThrowAsync<QueueStorageConfigurationException>(() => app.StartAsync());
    }
}
