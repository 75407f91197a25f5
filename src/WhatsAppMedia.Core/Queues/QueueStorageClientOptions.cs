using Azure.Core;

namespace WhatsAppMedia.Core.Queues;

/// <summary>
/// Pipeline options for the queue client: Azure.Core's retry, diagnostics and transport settings. The defaults retry
/// throttling, 5xx answers and connection failures a few times with exponential back-off.
/// </summary>
public sealed class QueueStorageClientOptions : ClientOptions
{
}
