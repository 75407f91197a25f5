using System.Net;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Core.Queues;
using WhatsAppMedia.Core.Tests.Support;

namespace WhatsAppMedia.Core.Tests.Queues;

/// <summary>
/// Identity-based access: the settings that select it, the bearer pipeline on the wire, and real Azurite accepting
/// (and refusing) bearer tokens over https with <c>--oauth basic</c>.
/// </summary>
public sealed class QueueStorageIdentityTests(AzuriteOAuthFixture fixture) : IClassFixture<AzuriteOAuthFixture>
{
    private const string ClientId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

    [Fact]
    public void A_queue_service_uri_alone_uses_DefaultAzureCredential()
    {
        var connection = QueueStorageConnectionStringTests.Read(new()
        {
            ["AzureWebJobsStorage:queueServiceUri"] = "https://myaccount.queue.core.windows.net",
        });

        connection.Authentication.ShouldBe(QueueStorageAuthentication.DefaultAzureCredential);
        connection.QueueServiceUri.ShouldBe(new Uri("https://myaccount.queue.core.windows.net"));
        connection.AccountName.ShouldBeNull();
        connection.ManagedIdentityClientId.ShouldBeNull();
    }

    [Fact]
    public void Managed_identity_with_a_client_id_is_a_user_assigned_identity()
    {
        var connection = QueueStorageConnectionStringTests.Read(new()
        {
            ["AzureWebJobsStorage:queueServiceUri"] = "https://myaccount.queue.core.windows.net/",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = ClientId,
        });

        connection.Authentication.ShouldBe(QueueStorageAuthentication.ManagedIdentity);
        connection.ManagedIdentityClientId.ShouldBe(ClientId);
        connection.ToString().ShouldBe($"https://myaccount.queue.core.windows.net/ (ManagedIdentity, client id {ClientId})");
    }

    [Fact]
    public void Managed_identity_without_a_client_id_is_the_system_assigned_identity()
    {
        var connection = QueueStorageConnectionStringTests.Read(new()
        {
            ["AzureWebJobsStorage:accountName"] = "myaccount",
            ["AzureWebJobsStorage:credential"] = "ManagedIdentity",
        });

        connection.Authentication.ShouldBe(QueueStorageAuthentication.ManagedIdentity);
        connection.QueueServiceUri.ShouldBe(new Uri("https://myaccount.queue.core.windows.net"));
        connection.ManagedIdentityClientId.ShouldBeNull();
    }

    [Fact]
    public void Double_underscore_keys_copied_verbatim_from_local_settings_are_read_too()
    {
        var connection = QueueStorageConnectionStringTests.Read(new()
        {
            ["AzureWebJobsStorage__accountName"] = "myaccount",
            ["AzureWebJobsStorage__clientId"] = ClientId,
        });

        connection.Authentication.ShouldBe(QueueStorageAuthentication.DefaultAzureCredential);
        connection.ManagedIdentityClientId.ShouldBe(ClientId);
    }

    [Fact]
    public void A_connection_string_wins_over_identity_settings_as_in_the_functions_host()
    {
        var connection = QueueStorageConnectionStringTests.Read(new()
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://myaccount.queue.core.windows.net",
        });

        connection.Authentication.ShouldBe(QueueStorageAuthentication.SharedKey);
    }

    public static TheoryData<Dictionary<string, string?>, string, string> InvalidIdentitySettings => new()
    {
        { new() { ["AzureWebJobsStorage:queueServiceUri"] = "http://myaccount.queue.core.windows.net" }, "AzureWebJobsStorage__queueServiceUri", "must be an absolute https URI" },
        { new() { ["AzureWebJobsStorage:queueServiceUri"] = "http://127.0.0.1:10001/devstoreaccount1" }, "AzureWebJobsStorage__queueServiceUri", "must be an absolute https URI" },
        { new() { ["AzureWebJobsStorage:queueServiceUri"] = "myaccount.queue.core.windows.net" }, "AzureWebJobsStorage__queueServiceUri", "must be an absolute https URI" },
        { new() { ["AzureWebJobsStorage:queueServiceUri"] = "https://myaccount.queue.core.windows.net/?sig=x" }, "AzureWebJobsStorage__queueServiceUri", "must be an absolute https URI" },
        {
            new() { ["AzureWebJobsStorage:queueServiceUri"] = "https://myaccount.queue.core.windows.net", ["AzureWebJobsStorage:accountName"] = "myaccount" },
            "AzureWebJobsStorage__queueServiceUri",
            "not both"
        },
        { new() { ["AzureWebJobsStorage:accountName"] = "My-Account" }, "AzureWebJobsStorage__accountName", "3 to 24 lowercase letters and digits" },
        {
            new() { ["AzureWebJobsStorage:accountName"] = "myaccount", ["AzureWebJobsStorage:credential"] = "clientsecret" },
            "AzureWebJobsStorage__credential",
            "must be \"managedidentity\" or absent"
        },
        {
            new() { ["AzureWebJobsStorage:accountName"] = "myaccount", ["AzureWebJobsStorage:clientId"] = "my-identity" },
            "AzureWebJobsStorage__clientId",
            "must be the identity's client id, a GUID"
        },
        { new() { ["AzureWebJobsStorage:credential"] = "managedidentity" }, "AzureWebJobsStorage", "not set" },
        { new(), "AzureWebJobsStorage", "not set" },
    };

    [Theory]
    [MemberData(nameof(InvalidIdentitySettings))]
    public void Bad_identity_settings_are_refused_naming_the_setting(Dictionary<string, string?> values, string setting, string problem)
    {
        var error = Should.Throw<QueueStorageConfigurationException>(() => QueueStorageConnectionStringTests.Read(values));

        error.SettingName.ShouldBe(setting);
        error.Message.ShouldStartWith($"{setting}: ");
        error.Message.ShouldContain(problem);
    }

    [Fact]
    public void A_token_connection_refuses_plain_http_even_to_loopback()
    {
        var credential = new RecordingTokenCredential(TimeProvider.System);

        var error = Should.Throw<ArgumentException>(
            () => QueueStorageConnection.WithTokenCredential(new Uri("http://127.0.0.1:10001/devstoreaccount1"), credential));

        error.Message.ShouldContain("never with a token");
        credential.RequestedScopes.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_bearer_pipeline_sends_the_token_for_the_storage_scope_with_date_and_version()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 11, 23, 10, 0, 0, TimeSpan.Zero));
        var credential = new RecordingTokenCredential(time);
        using var handler = new RecordingHttpHandler(HttpStatusCode.OK, headers: new Dictionary<string, string> { ["x-ms-approximate-messages-count"] = "4" });
        var account = new QueueStorageAccount(
            QueueStorageConnection.WithTokenCredential(new Uri("https://myaccount.queue.core.windows.net"), credential),
            QueueMessageEncoding.Base64,
            time,
            new QueueStorageClientOptions { Transport = new HttpClientTransport(handler) });

        var count = await account.GetQueue("jobs").GetApproximateMessageCountAsync();

        count.ShouldBe(4);
        credential.RequestedScopes.ShouldHaveSingleItem().ShouldBe(["https://storage.azure.com/.default"]);
        var request = handler.Requests.ShouldHaveSingleItem();
        request.RequestUri.ShouldBe(new Uri("https://myaccount.queue.core.windows.net/jobs?comp=metadata"));
        request.Headers.Authorization!.Scheme.ShouldBe("Bearer");
        request.Headers.Authorization.Parameter.ShouldBe(credential.LastToken);
        request.Headers.GetValues("x-ms-date").ShouldBe(["Sun, 23 Nov 2025 10:00:00 GMT"]);
        request.Headers.GetValues("x-ms-version").ShouldBe(["2025-11-05"]);
    }

    [Fact]
    public async Task Azurite_accepts_every_operation_with_a_bearer_token_over_https()
    {
        var credential = new RecordingTokenCredential(TimeProvider.System);
        var queue = BearerAccount(credential).GetQueue(AzuriteFixture.NewQueueName("oauth"));

        (await queue.CreateIfNotExistsAsync()).ShouldBeTrue();
        await queue.SendAsync("by token");
        (await queue.PeekAsync(1)).ShouldHaveSingleItem().Text.ShouldBe("by token");
        var received = (await queue.ReceiveAsync(1, TimeSpan.FromMinutes(5))).ShouldHaveSingleItem();
        var visibility = await queue.UpdateVisibilityAsync(received.MessageId, received.PopReceipt, TimeSpan.FromMinutes(5));
        await queue.DeleteAsync(received.MessageId, visibility.PopReceipt);

        (await queue.GetApproximateMessageCountAsync()).ShouldBe(0);
        credential.RequestedScopes.ShouldAllBe(scopes => scopes.SequenceEqual(new[] { QueueStorageConnection.StorageTokenScope }));
    }

    [Fact]
    public async Task Azurite_refuses_a_token_for_another_audience()
    {
        var credential = new RecordingTokenCredential(TimeProvider.System, audience: "https://vault.azure.net");
        var queue = BearerAccount(credential).GetQueue(AzuriteFixture.NewQueueName("oauth"));

        var error = await Should.ThrowAsync<QueueStorageException>(() => queue.CreateIfNotExistsAsync());

        error.Status.ShouldBe(403);
        error.ErrorCode.ShouldBe(QueueStorageErrorCodes.AuthenticationFailed);
        error.Message.ShouldNotContain(credential.LastToken!);
    }

    [Fact]
    public void The_factory_builds_the_real_azure_identity_credentials()
    {
        // Only construction is checked: a token needs Azure. These are the types the hosts will use there.
        var managed = QueueStorageConnectionStringTests.Read(new()
        {
            ["AzureWebJobsStorage:accountName"] = "myaccount",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = ClientId,
        });
        var chained = QueueStorageConnectionStringTests.Read(new() { ["AzureWebJobsStorage:accountName"] = "myaccount" });

        managed.Credential.ShouldBeOfType<ManagedIdentityCredential>();
        chained.Credential.ShouldBeOfType<DefaultAzureCredential>();
        _ = new QueueStorageAccount(managed, QueueMessageEncoding.Base64, TimeProvider.System);
    }

    private QueueStorageAccount BearerAccount(RecordingTokenCredential credential) => new(
        QueueStorageConnection.WithTokenCredential(fixture.Azurite.QueueServiceUri, credential),
        QueueMessageEncoding.Base64,
        TimeProvider.System,
        fixture.ClientOptions());
}
