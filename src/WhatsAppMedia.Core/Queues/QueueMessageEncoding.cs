namespace WhatsAppMedia.Core.Queues;

/// <summary>
/// How message text travels inside the queue's XML, as <c>host.json</c> <c>extensions.queues.messageEncoding</c> says.
/// Every producer and consumer of a queue must agree, or the consumer sees base64 where it expects JSON.
/// </summary>
public enum QueueMessageEncoding
{
    /// <summary>UTF-8 bytes of the text, base64-encoded (the Functions default).</summary>
    Base64,

    /// <summary>The text itself, XML-escaped.</summary>
    None,
}
