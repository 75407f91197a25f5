namespace WhatsAppMedia.Core.Queues;

/// <summary>A message seen without receiving it: it stays visible and cannot be deleted through this view.</summary>
/// <param name="MessageId">The service's id for the message.</param>
/// <param name="DequeueCount">How many times the message has been received.</param>
/// <param name="InsertionTime">When the queue accepted it.</param>
/// <param name="ExpirationTime">When it expires (year 9999 for messages that never expire).</param>
/// <param name="Text">The decoded text, or null when the stored text is not valid for the queue's encoding.</param>
/// <param name="RawText">The text exactly as stored in the queue.</param>
public sealed record PeekedQueueMessage(
    string MessageId,
    long DequeueCount,
    DateTimeOffset InsertionTime,
    DateTimeOffset ExpirationTime,
    string? Text,
    string RawText);
