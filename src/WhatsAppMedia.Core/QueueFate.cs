namespace WhatsAppMedia.Core;

/// <summary>What the queue does with a message whose delivery ends with a code (docs/architecture.md, "Queue").</summary>
internal enum QueueFate
{
    /// <summary>The code is an HTTP answer only; no delivery ends with it.</summary>
    None,

    /// <summary>Done: the message completes and its batch item settles.</summary>
    Settled,

    /// <summary>Queued again as a new message, visible later; the original completes.</summary>
    Deferred,

    /// <summary>The delivery fails and the queue delivers it again; the last failed delivery goes to <c>-poison</c>.</summary>
    Retried,

    /// <summary>Written to <c>{queue}-failed</c> at once; retrying the same message cannot succeed.</summary>
    Failed,
}
