using Microsoft.Extensions.Configuration;
using WhatsAppMedia.Core.Queues;

namespace WhatsAppMedia.Core.Tests.Queues;

/// <summary>Every form of the <c>AzureWebJobsStorage</c> connection string, and every way to get it wrong.</summary>
public sealed class QueueStorageConnectionStringTests
{
    /// <summary>A syntactically valid account key that is not the emulator's, so a leak of it would be noticed.</summary>
    private const string Key = "c2VjcmV0LWtleS1tYXRlcmlhbC10aGF0LW11c3QtbmV2ZXItbGVhaw==";

    public static TheoryData<string, string, string> ValidForms => new()
    {
        { "UseDevelopmentStorage=true", "http://127.0.0.1:10001/devstoreaccount1", "devstoreaccount1" },
        { " UseDevelopmentStorage = TRUE ; ", "http://127.0.0.1:10001/devstoreaccount1", "devstoreaccount1" },
        { "UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://azurite", "http://azurite:10001/devstoreaccount1", "devstoreaccount1" },
        { "UseDevelopmentStorage=true;DevelopmentStorageProxyUri=https://emulator.local:8443/ignored", "https://emulator.local:10001/devstoreaccount1", "devstoreaccount1" },
        { $"DefaultEndpointsProtocol=https;AccountName=myaccount;AccountKey={Key};EndpointSuffix=core.windows.net", "https://myaccount.queue.core.windows.net/", "myaccount" },
        { $"AccountName=myaccount;AccountKey={Key}", "https://myaccount.queue.core.windows.net/", "myaccount" },
        { $"accountname=myaccount;ACCOUNTKEY={Key};", "https://myaccount.queue.core.windows.net/", "myaccount" },
        { $"DefaultEndpointsProtocol=https;AccountName=chinaaccount;AccountKey={Key};EndpointSuffix=core.chinacloudapi.cn", "https://chinaaccount.queue.core.chinacloudapi.cn/", "chinaaccount" },
        { $"AccountName=myaccount;AccountKey={Key};QueueEndpoint=https://queues.example.com/", "https://queues.example.com/", "myaccount" },
        {
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"
            + "QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;",
            "http://127.0.0.1:10001/devstoreaccount1",
            "devstoreaccount1"
        },
        { $"AccountName=devstoreaccount1;AccountKey={Key};QueueEndpoint=http://azurite:10001/devstoreaccount1", "http://azurite:10001/devstoreaccount1", "devstoreaccount1" },
        { $"AccountName=myaccount;AccountKey={Key};QueueEndpoint=http://localhost:10001/myaccount", "http://localhost:10001/myaccount", "myaccount" },
    };

    public static TheoryData<string, string> InvalidForms => new()
    {
        { "garbage", "part 1 of the connection string is not Name=Value" },
        { "=value", "part 1 of the connection string is not Name=Value" },
        { $"AccountName=myaccount;{Key}", "part 2 of the connection string is not Name=Value" },
        { $"AccountName=myaccount;Account-Key={Key}", "part 2 of the connection string is not Name=Value" },
        { ";;;", "the connection string is empty" },
        { "UseDevelopmentStorage=false", "UseDevelopmentStorage can only be true" },
        { "UseDevelopmentStorage=yes", "UseDevelopmentStorage can only be true" },
        { "UseDevelopmentStorage=true;AccountName=myaccount", "UseDevelopmentStorage=true cannot be combined with AccountName" },
        { "UseDevelopmentStorage=true;DevelopmentStorageProxyUri=ftp://azurite", "DevelopmentStorageProxyUri must be an absolute http or https URI" },
        { "UseDevelopmentStorage=true;DevelopmentStorageProxyUri=azurite", "DevelopmentStorageProxyUri must be an absolute http or https URI" },
        { "AccountName=myaccount", "the connection string has no AccountKey" },
        { "AccountName=myaccount;AccountKey=", "the connection string has no AccountKey" },
        { $"AccountKey={Key}", "the connection string has no AccountName" },
        { $"AccountName=My_Account;AccountKey={Key}", "AccountName: the account name must be 3 to 24 lowercase letters and digits" },
        { $"AccountName=ab;AccountKey={Key}", "AccountName: the account name must be 3 to 24 lowercase letters and digits" },
        { "AccountName=myaccount;AccountKey=not*base64!", "AccountKey: the account key is not valid base64" },
        { $"AccountName=myaccount;AccountKey={Key};accountkey={Key}", "the connection string gives accountkey more than once" },
        { $"AccountName=myaccount;AccountKey={Key};Foo=bar", "the connection string has an unknown part \"Foo\"" },
        { $"DefaultEndpointsProtocol=ftp;AccountName=myaccount;AccountKey={Key}", "DefaultEndpointsProtocol must be https or http" },
        { $"AccountName=myaccount;AccountKey={Key};EndpointSuffix=https://core.windows.net", "EndpointSuffix must be a DNS name" },
        { $"AccountName=myaccount;AccountKey={Key};QueueEndpoint=queues.example.com", "QueueEndpoint must be an absolute URI" },
        { $"AccountName=myaccount;AccountKey={Key};QueueEndpoint=ftp://queues.example.com", "the queue endpoint must use http or https" },
        { $"AccountName=myaccount;AccountKey={Key};QueueEndpoint=https://queues.example.com/?sv=1", "without user info, query or fragment" },
        { $"AccountName=myaccount;AccountKey={Key};QueueEndpoint=https://user:pw@queues.example.com/", "without user info, query or fragment" },
        { $"DefaultEndpointsProtocol=http;AccountName=myaccount;AccountKey={Key}", "the queue endpoint must use https" },
        { $"AccountName=myaccount;AccountKey={Key};QueueEndpoint=http://queues.example.com", "the queue endpoint must use https" },
        { "QueueEndpoint=https://myaccount.queue.core.windows.net;SharedAccessSignature=sv=2025-11-05&sig=abc%3D", "SharedAccessSignature connection strings are not supported" },
    };

    [Theory]
    [MemberData(nameof(ValidForms))]
    public void A_connection_string_becomes_a_shared_key_connection(string connectionString, string endpoint, string accountName)
    {
        var connection = Read(new() { ["AzureWebJobsStorage"] = connectionString });

        connection.Authentication.ShouldBe(QueueStorageAuthentication.SharedKey);
        connection.QueueServiceUri.ShouldBe(new Uri(endpoint));
        connection.AccountName.ShouldBe(accountName);
        connection.ToString().ShouldNotContain(Key);
        connection.ToString().ShouldNotContain(DevelopmentStorage.AccountKey);
    }

    [Theory]
    [MemberData(nameof(InvalidForms))]
    public void A_bad_connection_string_is_refused_naming_the_setting_and_never_the_key(string connectionString, string problem)
    {
        var error = Should.Throw<QueueStorageConfigurationException>(() => Read(new() { ["AzureWebJobsStorage"] = connectionString }));

        error.SettingName.ShouldBe("AzureWebJobsStorage");
        error.Message.ShouldStartWith("AzureWebJobsStorage: ");
        error.Message.ShouldContain(problem);
        error.Message.ShouldNotContain(Key[..20]);
        error.Message.ShouldNotContain("base64!");
        error.Message.ShouldNotContain("sig=");
    }

    [Fact]
    public void A_missing_setting_says_what_to_set()
    {
        var error = Should.Throw<QueueStorageConfigurationException>(() => Read(new() { ["AzureWebJobsStorage"] = " " }));

        error.SettingName.ShouldBe("AzureWebJobsStorage");
        error.Message.ShouldContain("not set");
        error.Message.ShouldContain("UseDevelopmentStorage=true");
        error.Message.ShouldContain("AzureWebJobsStorage__queueServiceUri");
    }

    [Fact]
    public void Another_connection_name_is_read_and_named_in_errors()
    {
        var connection = QueueStorageAccountFactory.ReadConnection(
            Configuration(new() { ["WorkStorage"] = "UseDevelopmentStorage=true" }), "WorkStorage");
        var error = Should.Throw<QueueStorageConfigurationException>(
            () => QueueStorageAccountFactory.ReadConnection(Configuration(new() { ["WorkStorage"] = "nonsense" }), "WorkStorage"));

        connection.QueueServiceUri.ShouldBe(DevelopmentStorage.QueueServiceUri);
        error.SettingName.ShouldBe("WorkStorage");
    }

    [Fact]
    public void The_factory_builds_an_account_from_configuration()
    {
        var account = QueueStorageAccountFactory.Create(
            Configuration(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" }), QueueMessageEncoding.None, TimeProvider.System);

        account.Encoding.ShouldBe(QueueMessageEncoding.None);
        account.Connection.QueueServiceUri.ShouldBe(DevelopmentStorage.QueueServiceUri);
        account.GetQueue("media-deletions").ToString().ShouldBe("media-deletions at http://127.0.0.1:10001/devstoreaccount1");
        account.ToString().ShouldNotContain(DevelopmentStorage.AccountKey);
    }

    [Theory]
    [InlineData("", "accountName")]
    [InlineData("my_account", "accountName")]
    [InlineData("myaccount", "accountKey")]
    public void WithSharedKey_refuses_bad_arguments_without_echoing_the_key(string accountName, string parameter)
    {
        var key = parameter == "accountKey" ? "secret*not*base64" : Key;

        var error = Should.Throw<ArgumentException>(
            () => QueueStorageConnection.WithSharedKey(new Uri("https://myaccount.queue.core.windows.net"), accountName, key));

        error.ParamName.ShouldBe(parameter);
        error.Message.ShouldNotContain(key);
    }

    internal static QueueStorageConnection Read(Dictionary<string, string?> values) =>
        QueueStorageAccountFactory.ReadConnection(Configuration(values));

    internal static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
