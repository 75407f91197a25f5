using Azure;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppMedia.Core.Queues;
using WhatsAppMedia.Core.Tests.Support;

namespace WhatsAppMedia.Core.Tests.Queues;

/// <summary>
/// <see cref="QueueServiceClientFactory"/>: both shapes of <c>AzureWebJobsStorage</c>, refusals that name the setting
/// and never its value, and the identity form end to end — a bearer token over https to Azurite with <c>--oauth basic</c>.
/// </summary>
public sealed class QueueServiceClientFactoryTests(AzuriteOAuthFixture fixture) : IClassFixture<AzuriteOAuthFixture>
{
    private const string ClientId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    private const string AccountKey = "c2VjcmV0LWtleS1ub3QtdG8tYmUtc2hvd24tYW55d2hlcmU=";

    [Fact]
    public void Development_storage_is_the_emulator_account_on_its_default_port()
    {
        var client = Create(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });

        client.Uri.ShouldBe(new Uri("http://127.0.0.1:10001/devstoreaccount1"));
        client.AccountName.ShouldBe("devstoreaccount1");
        client.CanGenerateAccountSasUri.ShouldBeTrue("a shared key is in use");
    }

    [Fact]
    public void A_full_connection_string_names_its_account_and_endpoint()
    {
        var client = Create(new() { ["AzureWebJobsStorage"] = $"DefaultEndpointsProtocol=https;AccountName=myaccount;AccountKey={AccountKey};EndpointSuffix=core.windows.net" });

        client.Uri.ShouldBe(new Uri("https://myaccount.queue.core.windows.net/"));
        client.AccountName.ShouldBe("myaccount");
    }

    [Fact]
    public void A_connection_string_wins_over_identity_settings_as_in_the_functions_host()
    {
        var client = Create(new()
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://myaccount.queue.core.windows.net",
        });

        client.AccountName.ShouldBe("devstoreaccount1");
    }

    [Fact]
    public void A_queue_service_uri_is_the_identity_based_endpoint()
    {
        var client = Create(new()
        {
            ["AzureWebJobsStorage:queueServiceUri"] = "https://myaccount.queue.core.windows.net",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = ClientId,
        });

        client.Uri.ShouldBe(new Uri("https://myaccount.queue.core.windows.net"));
        client.CanGenerateAccountSasUri.ShouldBeFalse("a token credential is in use, not a key");
    }

    [Fact]
    public void An_account_name_is_the_identity_based_endpoint_in_the_public_cloud()
    {
        var client = Create(new() { ["AzureWebJobsStorage:accountName"] = "myaccount" });

        client.Uri.ShouldBe(new Uri("https://myaccount.queue.core.windows.net"));
    }

    public static TheoryData<Dictionary<string, string?>, string, string> InvalidSettings => new()
    {
        { new() { ["AzureWebJobsStorage"] = $"AccountName=myaccount;AccountKey={AccountKey};Nonsense" }, "AzureWebJobsStorage", "not a usable storage connection string" },
        { new() { ["AzureWebJobsStorage"] = $"Foo={AccountKey}" }, "AzureWebJobsStorage", "not a usable storage connection string" },
        { new() { ["AzureWebJobsStorage:queueServiceUri"] = "http://myaccount.queue.core.windows.net" }, "AzureWebJobsStorage__queueServiceUri", "must be an absolute https URI" },
        { new() { ["AzureWebJobsStorage:queueServiceUri"] = "myaccount.queue.core.windows.net" }, "AzureWebJobsStorage__queueServiceUri", "must be an absolute https URI" },
        { new() { ["AzureWebJobsStorage:queueServiceUri"] = "https://myaccount.queue.core.windows.net/?sig=x" }, "AzureWebJobsStorage__queueServiceUri", "must be an absolute https URI" },
        { new() { ["AzureWebJobsStorage:queueServiceUri"] = "https://myaccount.queue.core.windows.net/media-deletions" }, "AzureWebJobsStorage__queueServiceUri", "root without a path" },
        { new() { ["AzureWebJobsStorage:queueServiceUri"] = "https://myaccount.blob.core.windows.net" }, "AzureWebJobsStorage__queueServiceUri", "points at the blob endpoint" },
        { new() { ["AzureWebJobsStorage:queueServiceUri"] = "https://myaccount.table.core.windows.net/" }, "AzureWebJobsStorage__queueServiceUri", "points at the table endpoint" },
        {
            new() { ["AzureWebJobsStorage:queueServiceUri"] = "https://myaccount.queue.core.windows.net", ["AzureWebJobsStorage:accountName"] = "myaccount" },
            "AzureWebJobsStorage__queueServiceUri",
            "not both"
        },
        { new() { ["AzureWebJobsStorage:accountName"] = "My-Account" }, "AzureWebJobsStorage__accountName", "3 to 24 lowercase letters and digits" },
        {
            new() { ["AzureWebJobsStorage:accountName"] = "myaccount", ["AzureWebJobsStorage:clientId"] = "my-identity" },
            "AzureWebJobsStorage__clientId",
            "must be the identity's client id, a GUID"
        },
        { new() { ["AzureWebJobsStorage:credential"] = "managedidentity" }, "AzureWebJobsStorage", "not set" },
        { new(), "AzureWebJobsStorage", "not set" },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Bad_settings_are_refused_naming_the_setting_and_never_its_value(Dictionary<string, string?> values, string setting, string problem)
    {
        var error = Should.Throw<QueueStorageConfigurationException>(() => Create(values));

        error.SettingName.ShouldBe(setting);
        error.Message.ShouldStartWith($"{setting}: ");
        error.Message.ShouldContain(problem);
        error.Message.ShouldNotContain(AccountKey);
        error.InnerException.ShouldBeNull();
    }

    [Fact]
    public async Task Azurite_accepts_every_operation_with_a_bearer_token_over_https()
    {
        var credential = new RecordingTokenCredential(TimeProvider.System);
        var queue = BearerClient(credential).GetQueueClient(AzuriteFixture.NewQueueName("oauth"));

        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("by token");
        (await queue.PeekMessageAsync()).Value.Body.ToString().ShouldBe("by token");
        var received = (await queue.ReceiveMessageAsync(TimeSpan.FromMinutes(5))).Value;
        var updated = (await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, visibilityTimeout: TimeSpan.FromMinutes(5))).Value;
        await queue.DeleteMessageAsync(received.MessageId, updated.PopReceipt);

        (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount.ShouldBe(0);
        credential.RequestedScopes.ShouldNotBeEmpty();
        credential.RequestedScopes.ShouldAllBe(scopes => scopes.SequenceEqual(new[] { "https://storage.azure.com/.default" }));
    }

    [Fact]
    public async Task Azurite_refuses_a_token_for_another_audience()
    {
        var credential = new RecordingTokenCredential(TimeProvider.System, audience: "https://vault.azure.net");
        var queue = BearerClient(credential).GetQueueClient(AzuriteFixture.NewQueueName("oauth"));

        var error = await Should.ThrowAsync<RequestFailedException>(() => queue.CreateIfNotExistsAsync());

        error.Status.ShouldBe(403);
        error.Message.ShouldNotContain(credential.LastToken!);
    }

    /// <summary>
    /// The identity form as the hosts build it: no credential settings, so Microsoft.Extensions.Azure's default
    /// credential is used — here one that issues tokens Azurite accepts — with a transport that trusts the fixture.
    /// </summary>
    private QueueServiceClient BearerClient(RecordingTokenCredential credential)
    {
        var services = new ServiceCollection();
        services.AddAzureClients(clients =>
        {
            clients.UseCredential(credential);
            clients.ConfigureDefaults(options =>
            {
                options.Transport = fixture.Transport();
                options.Retry.MaxRetries = 0;
            });
        });
        using var provider = services.BuildServiceProvider();
        return QueueServiceClientFactory.Create(
            Configuration(new() { ["AzureWebJobsStorage:queueServiceUri"] = fixture.Azurite.QueueServiceUri.AbsoluteUri }),
            provider.GetRequiredService<AzureComponentFactory>(),
            QueueMessageEncoding.Base64);
    }

    private static QueueServiceClient Create(Dictionary<string, string?> values)
    {
        var services = new ServiceCollection();
        services.AddAzureClientsCore();
        using var provider = services.BuildServiceProvider();
        return QueueServiceClientFactory.Create(Configuration(values), provider.GetRequiredService<AzureComponentFactory>(), QueueMessageEncoding.Base64);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
