namespace WhatsAppMedia.Core.Queues;

/// <summary>
/// A message handed to this receiver, invisible to others until <see cref="NextVisibleOn"/>. Deleting or hiding it
/// again needs <see cref="PopReceipt"/>.
/// </summary>
/// <param name="MessageId">The service's id for the message.</param>
/// <param name="PopReceipt">Proof of this receipt; a later receive or visibility update replaces it.</param>
/// <param name="DequeueCount">How many times the message has been received, this time included.</param>
/// <param name="InsertionTime">When the queue accepted it.</param>
/// <param name="ExpirationTime">When it expires (year 9999 for messages that never expire).</param>
/// <param name="NextVisibleOn">When other receivers can see it again unless it is deleted first.</param>
/// <param name="Text">
/// The text, decoded per the queue's message encoding; null when the stored text is not valid for that encoding
/// (for example not base64), so the caller can set the message aside instead of failing the whole receive.
/// </param>
/// <param name="RawText">The text exactly as stored in the queue.</param>
public sealed record ReceivedQueueMessage(
    string MessageId,
    string PopReceipt,
    long DequeueCount,
    DateTimeOffset InsertionTime,
    DateTimeOffset ExpirationTime,
    DateTimeOffset NextVisibleOn,
    string? Text,
    string RawText);
