using Azure.Core.Pipeline;
using WhatsAppMedia.Core.Queues;

namespace WhatsAppMedia.Core.Tests.Queues;

/// <summary>Bad arguments are refused with a specific error before any request leaves the client.</summary>
public sealed class StorageQueueArgumentTests : IDisposable
{
    private static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);
    private readonly RecordingHttpHandler _handler = new();
    private readonly StorageQueue _queue;

    public StorageQueueArgumentTests()
    {
        _queue = Account(new QueueStorageClientOptions { Transport = new HttpClientTransport(_handler) }).GetQueue("jobs");
    }

    public void Dispose() => _handler.Dispose();

    private static QueueStorageAccount Account(QueueStorageClientOptions? options = null) => new(
        QueueStorageConnection.WithSharedKey(new Uri("https://myaccount.queue.core.windows.net"), "myaccount", DevelopmentStorage.AccountKey),
        QueueMessageEncoding.Base64,
        TimeProvider.System,
        options);

    public static TheoryData<string, Func<StorageQueue, Task>> RefusedCalls => new()
    {
        { "maxMessages", q => q.ReceiveAsync(0, OneMinute) },
        { "maxMessages", q => q.ReceiveAsync(33, OneMinute) },
        { "maxMessages", q => q.PeekAsync(0) },
        { "maxMessages", q => q.PeekAsync(33) },
        { "visibilityTimeout", q => q.ReceiveAsync(1, TimeSpan.Zero) },
        { "visibilityTimeout", q => q.ReceiveAsync(1, TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1)) },
        { "visibilityTimeout", q => q.UpdateVisibilityAsync("id", "receipt", TimeSpan.FromSeconds(-1)) },
        { "visibilityTimeout", q => q.UpdateVisibilityAsync("id", "receipt", TimeSpan.FromDays(8)) },
        { "visibilityDelay", q => q.SendAsync("x", TimeSpan.FromSeconds(-1)) },
        { "visibilityDelay", q => q.SendAsync("x", TimeSpan.FromDays(8)) },
        { "timeToLive", q => q.SendAsync("x", timeToLive: TimeSpan.Zero) },
        { "timeToLive", q => q.SendAsync("x", timeToLive: TimeSpan.FromSeconds(-5)) },
        { "timeToLive", q => q.SendAsync("x", OneMinute, TimeSpan.FromSeconds(60)) },
        { "text", q => q.SendAsync(null!) },
        { "messageId", q => q.DeleteAsync("", "receipt") },
        { "messageId", q => q.DeleteAsync("  ", "receipt") },
        { "messageId", q => q.DeleteAsync("has space", "receipt") },
        { "messageId", q => q.DeleteAsync("line\r\nbreak", "receipt") },
        { "messageId", q => q.DeleteAsync("ünï", "receipt") },
        { "messageId", q => q.DeleteAsync(new string('a', 1025), "receipt") },
        { "messageId", q => q.UpdateVisibilityAsync(null!, "receipt", OneMinute) },
        { "popReceipt", q => q.DeleteAsync("id", "") },
        { "popReceipt", q => q.DeleteAsync("id", "a\tb") },
        { "popReceipt", q => q.UpdateVisibilityAsync("id", "\u00e9", OneMinute) },
    };

    [Theory]
    [MemberData(nameof(RefusedCalls))]
    public async Task A_bad_argument_is_refused_and_nothing_is_sent(string parameter, Func<StorageQueue, Task> call)
    {
        var error = await Should.ThrowAsync<ArgumentException>(() => call(_queue));

        error.ParamName.ShouldBe(parameter);
        _handler.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("")]
    [InlineData("Jobs")]
    [InlineData("jobs_1")]
    [InlineData("-jobs")]
    [InlineData("jobs-")]
    [InlineData("jo--bs")]
    [InlineData("../jobs")]
    [InlineData("jobs?comp=list")]
    [InlineData("jöbs")]
    public void A_queue_name_outside_azures_rules_is_refused(string name)
    {
        var error = Should.Throw<ArgumentException>(() => Account().GetQueue(name));

        error.ParamName.ShouldBe("name");
        QueueNameRules.Problem(name).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("media-deletions")]
    [InlineData("media-deletions-poison")]
    [InlineData("a1-b2-c3")]
    public void Valid_queue_names_are_accepted(string name) => QueueNameRules.Problem(name).ShouldBeNull();

    [Fact]
    public void The_longest_queue_name_is_63_characters()
    {
        QueueNameRules.Problem(new string('a', 63)).ShouldBeNull();
        QueueNameRules.Problem(new string('a', 64)).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_message_id_is_escaped_into_a_single_path_segment()
    {
        using var handler = new RecordingHttpHandler(System.Net.HttpStatusCode.NoContent);
        var queue = Account(new QueueStorageClientOptions { Transport = new HttpClientTransport(handler) }).GetQueue("jobs");

        await queue.DeleteAsync("../../jobs?comp=x#y", "Ag+/=");

        var request = handler.Requests.ShouldHaveSingleItem();
        request.RequestUri!.AbsolutePath.ShouldBe("/jobs/messages/..%2F..%2Fjobs%3Fcomp%3Dx%23y");
        request.RequestUri.Query.ShouldBe("?popreceipt=Ag%2B%2F%3D");
    }

    [Fact]
    public void An_unknown_encoding_is_refused()
    {
        var connection = QueueStorageConnection.WithSharedKey(new Uri("https://myaccount.queue.core.windows.net"), "myaccount", DevelopmentStorage.AccountKey);

        Should.Throw<ArgumentOutOfRangeException>(() => new QueueStorageAccount(connection, (QueueMessageEncoding)7, TimeProvider.System));
    }

    [Theory]
    [InlineData(null, QueueMessageEncoding.Base64)]
    [InlineData("", QueueMessageEncoding.Base64)]
    [InlineData("base64", QueueMessageEncoding.Base64)]
    [InlineData("Base64", QueueMessageEncoding.Base64)]
    [InlineData("none", QueueMessageEncoding.None)]
    [InlineData(" None ", QueueMessageEncoding.None)]
    public void The_host_json_encoding_setting_is_read(string? value, QueueMessageEncoding expected) =>
        QueueMessageEncodingSetting.Parse(value).ShouldBe(expected);

    [Theory]
    [InlineData("utf8")]
    [InlineData("base-64")]
    public void An_unknown_host_json_encoding_is_refused(string value) =>
        Should.Throw<FormatException>(() => QueueMessageEncodingSetting.Parse(value)).Message.ShouldContain("extensions.queues.messageEncoding");
}
