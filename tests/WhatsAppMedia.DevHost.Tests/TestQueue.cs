using System.Text;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>
/// A queue as the tests use it: send text, peek what is visible, count what is there (Azure.Storage.Queues underneath).
/// </summary>
/// <param name="connectionString">The storage account.</param>
/// <param name="name">The queue.</param>
/// <param name="encoding">How text is stored: host.json's base64, or none for a producer that ignores it.</param>
public sealed class TestQueue(string connectionString, string name, QueueMessageEncoding encoding)
{
    private readonly QueueClient _client = new QueueServiceClient(connectionString, new QueueClientOptions { MessageEncoding = encoding }).GetQueueClient(name);

    /// <summary>Peeks as stored, so one undecodable message (the engine puts them in -poison) does not hide the rest.</summary>
    private readonly QueueClient _stored = new QueueServiceClient(connectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None }).GetQueueClient(name);

    /// <summary>What a producer outside the host would do; the text is encoded as <c>encoding</c> says.</summary>
    public async Task SendAsync(string text) => await _client.SendMessageAsync(text);

    /// <summary>
    /// Up to <paramref name="maxMessages"/> visible messages (at most 32), without receiving them; none when the queue
    /// does not exist. A message not valid in the queue's encoding has a null <see cref="PeekedText.Text"/>.
    /// </summary>
    public async Task<IReadOnlyList<PeekedText>> PeekAsync(int maxMessages)
    {
        try
        {
            return [.. (await _stored.PeekMessagesAsync(maxMessages)).Value.Select(message => new PeekedText(Decode(message.Body.ToString())))];
        }
        catch (RequestFailedException exception) when (exception.ErrorCode == QueueErrorCode.QueueNotFound)
        {
            // The engine creates -poison when it first moves a message there.
            return [];
        }
    }

    public async Task<int> GetApproximateMessageCountAsync() => (await _client.GetPropertiesAsync()).Value.ApproximateMessagesCount;

    private string? Decode(string stored)
    {
        if (encoding == QueueMessageEncoding.None)
        {
            return stored;
        }

        var bytes = new byte[stored.Length];
        return Convert.TryFromBase64String(stored, bytes, out var written) ? Encoding.UTF8.GetString(bytes, 0, written) : null;
    }
}

/// <summary>A peeked message's text, decoded as its queue's encoding says; null when it is not valid in it.</summary>
public sealed record PeekedText(string? Text);
