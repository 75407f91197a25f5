namespace WhatsAppMedia.Core.Queues;

/// <summary>The result of changing a received message's visibility.</summary>
/// <param name="PopReceipt">The new pop receipt; the previous one no longer works.</param>
/// <param name="NextVisibleOn">When receivers can see the message again.</param>
public sealed record QueueMessageVisibility(string PopReceipt, DateTimeOffset NextVisibleOn);
