using System.Globalization;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace WhatsAppMedia.Core.Queues;

/// <summary>
/// One queue, with the operations the service uses. Every call is one logical request through the account's shared
/// pipeline (which may retry transient failures); refusals become <see cref="QueueStorageException"/>, connection
/// failures stay Azure.Core's <see cref="RequestFailedException"/>. Bad arguments are refused before anything is sent.
/// </summary>
public sealed class StorageQueue
{
    public const int MaxMessagesPerReceive = 32;

    /// <summary>The service's longest visibility timeout and initial delay.</summary>
    public static readonly TimeSpan MaxVisibilityTimeout = TimeSpan.FromDays(7);

    private readonly QueueStorageAccount _account;
    private readonly Uri _queueUri;
    private readonly Uri _messagesUri;

    internal StorageQueue(QueueStorageAccount account, string name)
    {
        _account = account;
        Name = name;
        var serviceUri = account.Connection.QueueServiceUri.AbsoluteUri.TrimEnd('/');
        _queueUri = new Uri($"{serviceUri}/{name}", UriKind.Absolute);
        _messagesUri = new Uri($"{serviceUri}/{name}/messages", UriKind.Absolute);
    }

    public string Name { get; }

    public QueueMessageEncoding Encoding => _account.Encoding;

    /// <summary>Creates the queue unless it exists.</summary>
    /// <returns>True when this call created it.</returns>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Put, _queueUri);
        await _account.Pipeline.SendAsync(message, cancellationToken);
        var response = message.Response;
        return response.Status switch
        {
            201 => true,
            204 => false,
            // It exists with other metadata; this client never sets any, so it is the same queue for our purposes.
            409 when ErrorCodeOf(response) == QueueStorageErrorCodes.QueueAlreadyExists => false,
            _ => throw Refusal("CreateQueue", response),
        };
    }

    /// <summary>Adds a message.</summary>
    /// <param name="text">The message text; encoded per <see cref="Encoding"/>, at most 64 KiB once encoded.</param>
    /// <param name="visibilityDelay">How long it stays hidden first (0 to 7 days, rounded up to whole seconds).</param>
    /// <param name="timeToLive">How long it lives; null or <see cref="Timeout.InfiniteTimeSpan"/> for never expiring, which
    /// is the default because this service never lets a message disappear unprocessed.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<SentQueueMessage> SendAsync(
        string text,
        TimeSpan visibilityDelay = default,
        TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default)
    {
        const string Operation = "PutMessage";
        ArgumentNullException.ThrowIfNull(text);
        var delaySeconds = Seconds(visibilityDelay, TimeSpan.Zero, MaxVisibilityTimeout, nameof(visibilityDelay));
        var ttlSeconds = TimeToLiveSeconds(timeToLive, delaySeconds);
        var body = QueueStorageXml.MessageBody(QueueMessageTextCodec.Encode(text, Encoding, nameof(text)));

        using var message = CreateMessage(RequestMethod.Post, _messagesUri);
        message.Request.Uri.AppendQuery("visibilitytimeout", Invariant(delaySeconds));
        message.Request.Uri.AppendQuery("messagettl", Invariant(ttlSeconds));
        message.Request.Headers.SetValue("Content-Type", "application/xml; charset=utf-8");
        message.Request.Content = body;
        await _account.Pipeline.SendAsync(message, cancellationToken);
        if (message.Response.Status != 201)
        {
            throw Refusal(Operation, message.Response);
        }

        var sent = QueueStorageXml.ReadMessages(message.Response.ContentStream, Operation).FirstOrDefault()
            ?? throw new InvalidDataException($"The queue service's answer to {Operation} lists no message.");
        return new SentQueueMessage(
            QueueStorageXml.RequiredText(sent, "MessageId", Operation),
            QueueStorageXml.RequiredText(sent, "PopReceipt", Operation),
            QueueStorageXml.RequiredDate(sent, "InsertionTime", Operation),
            QueueStorageXml.RequiredDate(sent, "ExpirationTime", Operation),
            QueueStorageXml.RequiredDate(sent, "TimeNextVisible", Operation));
    }

    /// <summary>Receives up to <paramref name="maxMessages"/> visible messages and hides them for <paramref name="visibilityTimeout"/>.</summary>
    /// <param name="maxMessages">1 to 32.</param>
    /// <param name="visibilityTimeout">1 second to 7 days, rounded up to whole seconds.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The messages; empty when none is visible.</returns>
    public async Task<IReadOnlyList<ReceivedQueueMessage>> ReceiveAsync(
        int maxMessages,
        TimeSpan visibilityTimeout,
        CancellationToken cancellationToken = default)
    {
        CheckMessageCount(maxMessages);
        var timeoutSeconds = Seconds(visibilityTimeout, TimeSpan.FromSeconds(1), MaxVisibilityTimeout, nameof(visibilityTimeout));
        return await ListMessagesAsync(
            "GetMessages",
            maxMessages,
            [("numofmessages", Invariant(maxMessages)), ("visibilitytimeout", Invariant(timeoutSeconds))],
            (element, rawText, operation) => new ReceivedQueueMessage(
                QueueStorageXml.RequiredText(element, "MessageId", operation),
                QueueStorageXml.RequiredText(element, "PopReceipt", operation),
                QueueStorageXml.RequiredCount(element, "DequeueCount", operation),
                QueueStorageXml.RequiredDate(element, "InsertionTime", operation),
                QueueStorageXml.RequiredDate(element, "ExpirationTime", operation),
                QueueStorageXml.RequiredDate(element, "TimeNextVisible", operation),
                QueueMessageTextCodec.Decode(rawText, Encoding),
                rawText),
            cancellationToken);
    }

    /// <summary>Looks at up to <paramref name="maxMessages"/> visible messages without receiving them (for tests and operators).</summary>
    public async Task<IReadOnlyList<PeekedQueueMessage>> PeekAsync(int maxMessages, CancellationToken cancellationToken = default)
    {
        CheckMessageCount(maxMessages);
        return await ListMessagesAsync(
            "PeekMessages",
            maxMessages,
            [("peekonly", "true"), ("numofmessages", Invariant(maxMessages))],
            (element, rawText, operation) => new PeekedQueueMessage(
                QueueStorageXml.RequiredText(element, "MessageId", operation),
                QueueStorageXml.RequiredCount(element, "DequeueCount", operation),
                QueueStorageXml.RequiredDate(element, "InsertionTime", operation),
                QueueStorageXml.RequiredDate(element, "ExpirationTime", operation),
                QueueMessageTextCodec.Decode(rawText, Encoding),
                rawText),
            cancellationToken);
    }

    /// <summary>Deletes a received message.</summary>
    /// <exception cref="QueueStorageException">
    /// <see cref="QueueStorageErrorCodes.MessageNotFound"/> when it is gone, or the pop receipt is no longer the latest
    /// (the service says so for both).
    /// </exception>
    public async Task DeleteAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        CheckToken(messageId, nameof(messageId));
        CheckToken(popReceipt, nameof(popReceipt));
        using var message = CreateMessage(RequestMethod.Delete, _messagesUri, messageId);
        message.Request.Uri.AppendQuery("popreceipt", popReceipt);
        await _account.Pipeline.SendAsync(message, cancellationToken);
        if (message.Response.Status != 204)
        {
            throw Refusal("DeleteMessage", message.Response);
        }
    }

    /// <summary>Hides a received message for <paramref name="visibilityTimeout"/> from now (0 makes it visible at once).</summary>
    /// <param name="messageId">The message.</param>
    /// <param name="popReceipt">The latest pop receipt; it stops working when this call succeeds.</param>
    /// <param name="visibilityTimeout">0 to 7 days, rounded up to whole seconds.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new pop receipt and when the message shows again.</returns>
    public async Task<QueueMessageVisibility> UpdateVisibilityAsync(
        string messageId,
        string popReceipt,
        TimeSpan visibilityTimeout,
        CancellationToken cancellationToken = default)
    {
        const string Operation = "UpdateMessage";
        CheckToken(messageId, nameof(messageId));
        CheckToken(popReceipt, nameof(popReceipt));
        var timeoutSeconds = Seconds(visibilityTimeout, TimeSpan.Zero, MaxVisibilityTimeout, nameof(visibilityTimeout));

        using var message = CreateMessage(RequestMethod.Put, _messagesUri, messageId);
        message.Request.Uri.AppendQuery("popreceipt", popReceipt);
        message.Request.Uri.AppendQuery("visibilitytimeout", Invariant(timeoutSeconds));
        await _account.Pipeline.SendAsync(message, cancellationToken);
        var response = message.Response;
        if (response.Status != 204)
        {
            throw Refusal(Operation, response);
        }

        if (!response.Headers.TryGetValue(StorageHeaders.PopReceipt, out var newPopReceipt)
            || !response.Headers.TryGetValue(StorageHeaders.TimeNextVisible, out var nextVisible))
        {
            throw new InvalidDataException($"The queue service's answer to {Operation} has no new pop receipt or next visible time.");
        }

        return new QueueMessageVisibility(newPopReceipt, QueueStorageXml.ParseHttpDate(nextVisible, StorageHeaders.TimeNextVisible, Operation));
    }

    /// <summary>The service's approximate count of messages, visible or not (from the queue's metadata).</summary>
    public async Task<int> GetApproximateMessageCountAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Get, _queueUri);
        message.Request.Uri.AppendQuery("comp", "metadata");
        await _account.Pipeline.SendAsync(message, cancellationToken);
        var response = message.Response;
        if (response.Status != 200)
        {
            throw Refusal("GetQueueMetadata", response);
        }

        return response.Headers.TryGetValue(StorageHeaders.ApproximateMessagesCount, out var count)
            && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new InvalidDataException("The queue service's answer to GetQueueMetadata has no message count.");
    }

    public override string ToString() => $"{Name} at {_account.Connection.QueueServiceUri}";

    /// <summary>
    /// Get Messages and Peek Messages share everything but their query and what is read from each message:
    /// <paramref name="read"/> gets the message element, its raw <c>MessageText</c> and the operation name for errors.
    /// </summary>
    private async Task<IReadOnlyList<T>> ListMessagesAsync<T>(
        string operation,
        int maxMessages,
        IEnumerable<(string Name, string Value)> query,
        Func<XElement, string, string, T> read,
        CancellationToken cancellationToken)
    {
        using var message = CreateMessage(RequestMethod.Get, _messagesUri);
        foreach (var (name, value) in query)
        {
            message.Request.Uri.AppendQuery(name, value);
        }

        await _account.Pipeline.SendAsync(message, cancellationToken);
        if (message.Response.Status != 200)
        {
            throw Refusal(operation, message.Response);
        }

        var messages = new List<T>(maxMessages);
        foreach (var element in QueueStorageXml.ReadMessages(message.Response.ContentStream, operation))
        {
            messages.Add(read(element, QueueStorageXml.RequiredText(element, "MessageText", operation), operation));
        }

        return messages;
    }

    private HttpMessage CreateMessage(RequestMethod method, Uri resource, string? messageId = null)
    {
        var message = _account.Pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(resource);
        if (messageId is not null)
        {
            // Escaped: an id is a single path segment whatever it contains.
            message.Request.Uri.AppendPath("/", escape: false);
            message.Request.Uri.AppendPath(messageId, escape: true);
        }

        return message;
    }

    private QueueStorageException Refusal(string operation, Response response)
    {
        var (bodyCode, serviceMessage) = QueueStorageXml.ReadError(response.ContentStream);
        return new QueueStorageException(operation, Name, response.Status, ErrorCodeOf(response) ?? bodyCode, serviceMessage);
    }

    private static string? ErrorCodeOf(Response response) =>
        response.Headers.TryGetValue(StorageHeaders.ErrorCode, out var code) && !string.IsNullOrWhiteSpace(code) ? code : null;

    private static void CheckMessageCount(int maxMessages)
    {
        if (maxMessages is < 1 or > MaxMessagesPerReceive)
        {
            throw new ArgumentOutOfRangeException(nameof(maxMessages), maxMessages, $"Between 1 and {MaxMessagesPerReceive} messages can be asked for at once.");
        }
    }

    /// <summary>Message ids and pop receipts come from the service; anything else is refused before it reaches a URL.</summary>
    private static void CheckToken(string value, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, parameterName);
        if (value.Length > 1024 || value.Any(static c => c <= ' ' || c >= '\u007f'))
        {
            throw new ArgumentException("Not a value the queue service hands out: too long, or has spaces, control or non-ASCII characters.", parameterName);
        }
    }

    /// <summary>Whole seconds, rounded up so a message never shows up earlier than asked.</summary>
    private static long Seconds(TimeSpan value, TimeSpan min, TimeSpan max, string parameterName)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"Must be between {min} and {max}.");
        }

        return (value.Ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond;
    }

    private static long TimeToLiveSeconds(TimeSpan? timeToLive, long delaySeconds)
    {
        if (timeToLive is null || timeToLive == Timeout.InfiniteTimeSpan)
        {
            return -1;
        }

        if (timeToLive <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeToLive), timeToLive, "Must be positive, or null (or Timeout.InfiniteTimeSpan) for never expiring.");
        }

        var seconds = (timeToLive.Value.Ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond;
        return seconds > delaySeconds
            ? seconds
            : throw new ArgumentOutOfRangeException(nameof(timeToLive), timeToLive, "Must be longer than the visibility delay, or the message would expire unseen.");
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
