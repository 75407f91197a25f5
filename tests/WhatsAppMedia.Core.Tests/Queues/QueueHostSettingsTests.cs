using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using WhatsAppMedia.Core.Hosting;
using WhatsAppMedia.Core.Queues;

namespace WhatsAppMedia.Core.Tests.Queues;

/// <summary>host.json's <c>extensions.queues</c> with app-setting overrides: the one place the message encoding is decided.</summary>
public sealed class QueueHostSettingsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hostjson-").FullName;

    [Theory]
    [InlineData(null, QueueMessageEncoding.Base64)]
    [InlineData("base64", QueueMessageEncoding.Base64)]
    [InlineData("Base64", QueueMessageEncoding.Base64)]
    [InlineData("none", QueueMessageEncoding.None)]
    [InlineData(" NONE ", QueueMessageEncoding.None)]
    public void The_encoding_setting_reads_the_functions_values(string? value, QueueMessageEncoding expected) =>
        QueueMessageEncodingSetting.Parse(value).ShouldBe(expected);

    [Theory]
    [InlineData("utf8")]
    [InlineData("base-64")]
    public void An_unknown_encoding_is_refused_naming_the_setting(string value) =>
        Should.Throw<FormatException>(() => QueueMessageEncodingSetting.Parse(value)).Message.ShouldContain("extensions.queues.messageEncoding");

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

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string HostJson(string text)
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, text);
        return path;
    }
}
