namespace WhatsAppMedia.Core.Queues;

/// <summary>What the queue says about a message it accepted.</summary>
/// <param name="MessageId">The service's id for the message.</param>
/// <param name="PopReceipt">Lets the sender delete or hide the message before anyone receives it.</param>
/// <param name="InsertionTime">When the queue accepted it.</param>
/// <param name="ExpirationTime">When it expires (year 9999 for messages that never expire).</param>
/// <param name="NextVisibleOn">When a receiver can first see it.</param>
public sealed record SentQueueMessage(
    string MessageId,
    string PopReceipt,
    DateTimeOffset InsertionTime,
    DateTimeOffset ExpirationTime,
    DateTimeOffset NextVisibleOn);
