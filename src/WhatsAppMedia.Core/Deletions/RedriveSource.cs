namespace WhatsAppMedia.Core.Deletions;

/// <summary>The queue <c>whatsapp-media queue redrive --from</c> empties (docs/architecture.md, "Queue").</summary>
public enum RedriveSource
{
    /// <summary><c>{queue}-failed</c>: entries wrap the original message (<see cref="FailedDeletion"/>).</summary>
    Failed,

    /// <summary><c>{queue}-poison</c>: the original message as the queue trigger moved it.</summary>
    Poison,
}
