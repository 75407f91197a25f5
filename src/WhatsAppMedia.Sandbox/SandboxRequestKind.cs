namespace WhatsAppMedia.Sandbox;

/// <summary>What a request to an imitation asks for, as far as faults care (<see cref="SandboxFaultKinds.Target"/>).</summary>
public enum SandboxRequestKind
{
    /// <summary>Anything else: a delete, or a request no route takes.</summary>
    Other,

    /// <summary>A media object's metadata (Meta's <c>GET /{version}/{mediaId}</c>, AWS's GetWhatsAppMessageMedia).</summary>
    Metadata,

    /// <summary>A media file's bytes (Meta's download URL).</summary>
    Download,
}
