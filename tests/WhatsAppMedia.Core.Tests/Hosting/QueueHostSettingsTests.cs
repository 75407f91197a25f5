using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using WhatsAppMedia.Core.Hosting;

namespace WhatsAppMedia.Core.Tests.Hosting;

/// <summary>host.json's <c>extensions.queues</c> with app-setting overrides: the one place the message encoding is decided.</summary>
public sealed class QueueHostSettingsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hostjson-").FullName;

    [Fact]
    public void Host_json_values_are_read_and_app_settings_override_them()
    {
        var path = HostJson("""{ "version": "2.0", "extensions": { "queues": { "batchSize": 16, "messageEncoding": "none", "maxPollingInterval": "00:00:02", } } }""");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost:extensions:queues:batchSize"] = "4",
        }).Build();

        var settings = QueueHostSettings.Read(path, configuration);

        settings.MessageEncoding.ShouldBe(QueueMessageEncoding.None);
        settings.Queues["batchSize"].ShouldBe("4");
        settings.MaxPollingInterval().ShouldBe(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void Without_host_json_the_functions_defaults_apply()
    {
        var settings = QueueHostSettings.Read(Path.Combine(_directory, "absent.json"), new ConfigurationBuilder().Build());

        settings.MessageEncoding.ShouldBe(QueueMessageEncoding.Base64);
        settings.MaxPollingInterval().ShouldBe(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void A_bad_encoding_in_host_json_is_refused()
    {
        var path = HostJson("""{ "extensions": { "queues": { "messageEncoding": "utf8" } } }""");

        Should.Throw<FormatException>(() => QueueHostSettings.Read(path, new ConfigurationBuilder().Build())).Message.ShouldContain("messageEncoding");
    }

    [Fact]
    public void A_host_json_that_is_not_json_is_refused_naming_the_file()
    {
        var path = HostJson("{ not json");

        Should.Throw<FormatException>(() => QueueHostSettings.Read(path, new ConfigurationBuilder().Build())).Message.ShouldContain(path);
    }

    [Fact]
    public void An_app_setting_overrides_the_encoding_and_adds_keys_host_json_lacks()
    {
        var path = HostJson("""{ "extensions": { "queues": { "messageEncoding": "base64" } } }""");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost:extensions:queues:messageEncoding"] = "none",
            ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "7",
        }).Build();

        var settings = QueueHostSettings.Read(path, configuration);

        settings.MessageEncoding.ShouldBe(QueueMessageEncoding.None);
        settings.Queues["maxDequeueCount"].ShouldBe("7");
    }

    [Fact]
    public void Comments_and_trailing_commas_are_read_as_the_Functions_host_reads_them()
    {
        var path = HostJson("""
            {
              // the host's own reader allows comments
              "extensions": { "queues": { "batchSize": 8, }, },
            }
            """);

        QueueHostSettings.Read(path, new ConfigurationBuilder().Build()).Queues["batchSize"].ShouldBe("8");
    }

    [Theory]
    [InlineData("two seconds")]
    [InlineData("00:00:00")]
    [InlineData("-00:00:02")]
    public void A_max_polling_interval_that_is_not_a_positive_time_span_is_refused_naming_the_setting(string value)
    {
        var path = HostJson($$"""{ "extensions": { "queues": { "maxPollingInterval": "{{value}}" } } }""");
        var settings = QueueHostSettings.Read(path, new ConfigurationBuilder().Build());

        Should.Throw<FormatException>(() => settings.MaxPollingInterval()).Message.ShouldContain("extensions.queues.maxPollingInterval");
    }

    [Fact]
    public void The_host_json_path_is_the_configured_one_else_host_json_beside_the_app()
    {
        QueueHostSettings.DefaultHostJsonPath(new ConfigurationBuilder().Build()).ShouldBe(Path.Combine(AppContext.BaseDirectory, "host.json"));
        var configured = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [QueueHostSettings.HostJsonPathKey] = "/etc/app/host.json" }).Build();
        QueueHostSettings.DefaultHostJsonPath(configured).ShouldBe("/etc/app/host.json");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string HostJson(string text)
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, text);
        return path;
    }
}
