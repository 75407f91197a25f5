using Azure.Data.Tables;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppMedia.Core.Queues;

namespace WhatsAppMedia.Core.Tests.Queues;

/// <summary><see cref="TableServiceClientFactory"/>: the same setting as the queues, with <c>__tableServiceUri</c> for the identity form.</summary>
public sealed class TableServiceClientFactoryTests
{
    [Fact]
    public void Development_storage_is_the_emulator_table_endpoint()
    {
        var client = Create(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });

        client.Uri.ShouldBe(new Uri("http://127.0.0.1:10002/devstoreaccount1"));
        client.AccountName.ShouldBe("devstoreaccount1");
    }

    [Fact]
    public void A_table_service_uri_or_account_name_is_the_identity_based_endpoint()
    {
        var byUri = Create(new() { ["AzureWebJobsStorage:tableServiceUri"] = "https://myaccount.table.core.windows.net", ["AzureWebJobsStorage:credential"] = "managedidentity" });
        var byAccount = Create(new() { ["AzureWebJobsStorage:accountName"] = "myaccount" });

        byUri.Uri.ShouldBe(new Uri("https://myaccount.table.core.windows.net"));
        byAccount.Uri.ShouldBe(new Uri("https://myaccount.table.core.windows.net"));
    }

    [Theory]
    [InlineData("AzureWebJobsStorage:queueServiceUri", "https://myaccount.queue.core.windows.net", "AzureWebJobsStorage__tableServiceUri")]
    [InlineData("AzureWebJobsStorage:tableServiceUri", "http://myaccount.table.core.windows.net", "AzureWebJobsStorage__tableServiceUri")]
    [InlineData("AzureWebJobsStorage:tableServiceUri", "myaccount.table.core.windows.net", "AzureWebJobsStorage__tableServiceUri")]
    [InlineData("AzureWebJobsStorage:tableServiceUri", "https://myaccount.table.core.windows.net/mediadeletionbatches", "AzureWebJobsStorage__tableServiceUri")]
    [InlineData("AzureWebJobsStorage:tableServiceUri", "https://myaccount.blob.core.windows.net/", "AzureWebJobsStorage__tableServiceUri")]
    [InlineData("AzureWebJobsStorage", "AccountName=x;AccountKey=not-base64-secret", "AzureWebJobsStorage")]
    public void An_unusable_setting_is_refused_naming_it_and_never_its_value(string key, string value, string named)
    {
        var error = Should.Throw<QueueStorageConfigurationException>(() => Create(new() { [key] = value }));

        error.Message.ShouldContain(named);
        error.Message.ShouldNotContain("not-base64-secret");
    }

    private static TableServiceClient Create(Dictionary<string, string?> values)
    {
        var services = new ServiceCollection();
        services.AddAzureClientsCore();
        using var provider = services.BuildServiceProvider();
        return TableServiceClientFactory.Create(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), provider.GetRequiredService<AzureComponentFactory>());
    }
}
