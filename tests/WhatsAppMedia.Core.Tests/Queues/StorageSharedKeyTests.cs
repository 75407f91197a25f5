using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Core.Queues;
using WhatsAppMedia.Core.Tests.Support;

namespace WhatsAppMedia.Core.Tests.Queues;

/// <summary>Shared-key signing: the string to sign per the specification, and Azurite's verdict on real requests.</summary>
public sealed class StorageSharedKeyTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public void The_string_to_sign_matches_the_documented_example()
    {
        // "Authorize with Shared Key", Blob/Queue/File example: a GET with no body, two x-ms- headers and three
        // query parameters, which the canonicalized resource lists lowercase and sorted.
        var request = NewRequest(RequestMethod.Get, "https://myaccount.blob.core.windows.net/mycontainer?restype=container&comp=metadata&timeout=20");
        request.Headers.SetValue("x-ms-date", "Fri, 26 Jun 2015 23:39:12 GMT");
        request.Headers.SetValue("x-ms-version", "2015-02-21");

        var stringToSign = StorageSharedKeyPolicy.BuildStringToSign(request, "myaccount");

        stringToSign.ShouldBe(
            "GET\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:Fri, 26 Jun 2015 23:39:12 GMT\nx-ms-version:2015-02-21\n/myaccount/mycontainer\ncomp:metadata\nrestype:container\ntimeout:20");
    }

    [Fact]
    public void The_string_to_sign_has_content_headers_lowercased_sorted_x_ms_headers_and_decoded_query_values()
    {
        var request = NewRequest(RequestMethod.Put, "http://127.0.0.1:10001/devstoreaccount1/jobs/messages/abc?VisibilityTimeout=0&popreceipt=AgAAAA%2BBA%2FC%3D%3D");
        request.Headers.SetValue("X-MS-Version", "2025-11-05");
        request.Headers.SetValue("x-ms-date", "Sun, 23 Nov 2025 09:00:00 GMT");
        request.Headers.SetValue("x-ms-client-request-id", "id-1");
        request.Headers.SetValue("Content-Type", "application/xml; charset=utf-8");
        request.Content = RequestContent.Create(Encoding.UTF8.GetBytes("<QueueMessage />"));

        var stringToSign = StorageSharedKeyPolicy.BuildStringToSign(request, "devstoreaccount1");

        stringToSign.ShouldBe(
            "PUT\n\n\n16\n\napplication/xml; charset=utf-8\n\n\n\n\n\n\n"
            + "x-ms-client-request-id:id-1\nx-ms-date:Sun, 23 Nov 2025 09:00:00 GMT\nx-ms-version:2025-11-05\n"
            + "/devstoreaccount1/devstoreaccount1/jobs/messages/abc\npopreceipt:AgAAAA+BA/C==\nvisibilitytimeout:0");
    }

    [Fact]
    public async Task Every_request_is_dated_by_the_time_provider_versioned_and_signed_with_the_account_key()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 11, 23, 9, 30, 15, TimeSpan.Zero));
        var handler = new RecordingHttpHandler(System.Net.HttpStatusCode.Created);
        var key = Convert.ToBase64String(Enumerable.Range(1, 64).Select(i => (byte)i).ToArray());
        var connection = QueueStorageConnection.WithSharedKey(new Uri("https://myaccount.queue.core.windows.net"), "myaccount", key);
        var account = new QueueStorageAccount(connection, QueueMessageEncoding.Base64, time, WithTransport(handler));

        await account.GetQueue("jobs").CreateIfNotExistsAsync();

        var sent = handler.Requests.ShouldHaveSingleItem();
        sent.RequestUri.ShouldBe(new Uri("https://myaccount.queue.core.windows.net/jobs"));
        Header(sent, "x-ms-date").ShouldBe("Sun, 23 Nov 2025 09:30:15 GMT");
        Header(sent, "x-ms-version").ShouldBe("2025-11-05");
        var expectedStringToSign = "PUT\n\n\n\n\n\n\n\n\n\n\n\n"
            + $"x-ms-client-request-id:{Header(sent, "x-ms-client-request-id")}\n"
            + "x-ms-date:Sun, 23 Nov 2025 09:30:15 GMT\n"
            + $"x-ms-return-client-request-id:{Header(sent, "x-ms-return-client-request-id")}\n"
            + "x-ms-version:2025-11-05\n/myaccount/jobs";
        var expectedSignature = Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(key), Encoding.UTF8.GetBytes(expectedStringToSign)));
        sent.Headers.Authorization!.ToString().ShouldBe($"SharedKey myaccount:{expectedSignature}");
    }

    [Fact]
    public async Task Azurite_accepts_the_signature_of_every_kind_of_request()
    {
        var queue = await fixture.NewQueueAsync();
        await queue.SendAsync("signed", visibilityDelay: TimeSpan.Zero, timeToLive: TimeSpan.FromMinutes(5));
        var received = (await queue.ReceiveAsync(1, TimeSpan.FromMinutes(1))).ShouldHaveSingleItem();
        var visibility = await queue.UpdateVisibilityAsync(received.MessageId, received.PopReceipt, TimeSpan.FromMinutes(1));
        await queue.DeleteAsync(received.MessageId, visibility.PopReceipt);

        (await queue.GetApproximateMessageCountAsync()).ShouldBe(0);
        (await queue.PeekAsync(1)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Azurite_refuses_a_request_signed_with_the_wrong_key_and_the_error_holds_no_secret()
    {
        var queue = await fixture.NewQueueAsync();
        var wrongKey = Convert.ToBase64String(Enumerable.Repeat((byte)7, 64).ToArray());
        var impostor = new QueueStorageAccount(
            QueueStorageConnection.WithSharedKey(fixture.Azurite.QueueServiceUri, DevelopmentStorage.AccountName, wrongKey),
            QueueMessageEncoding.Base64,
            TimeProvider.System).GetQueue(queue.Name);

        var error = await Should.ThrowAsync<QueueStorageException>(() => impostor.SendAsync("forged"));

        error.Status.ShouldBe(403);
        error.ErrorCode.ShouldBe(QueueStorageErrorCodes.AuthenticationFailed);
        error.Message.ShouldContain("Queue storage answered PutMessage");
        error.Message.ShouldNotContain(wrongKey);
        error.Message.ShouldNotContain(DevelopmentStorage.AccountKey);
        error.Message.ShouldNotContain("SharedKey");
        (await queue.GetApproximateMessageCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Azurite_refuses_an_unsigned_request()
    {
        var queue = await fixture.NewQueueAsync();
        using var client = new HttpClient();

        using var response = await client.GetAsync(new Uri($"{fixture.Azurite.QueueServiceUri}/{queue.Name}?comp=metadata"));

        ((int)response.StatusCode).ShouldBe(403);
    }

    private static Request NewRequest(RequestMethod method, string uri)
    {
        var request = HttpPipelineBuilder.Build(new QueueStorageClientOptions()).CreateRequest();
        request.Method = method;
        request.Uri.Reset(new Uri(uri));
        return request;
    }

    private static QueueStorageClientOptions WithTransport(HttpMessageHandler handler) => new()
    {
        Transport = new HttpClientTransport(handler),
        Retry = { MaxRetries = 0 },
    };

    private static string Header(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : string.Empty;
}
