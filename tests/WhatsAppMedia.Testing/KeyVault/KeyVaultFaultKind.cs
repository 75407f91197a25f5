namespace WhatsAppMedia.Testing.KeyVault;

/// <summary>The ways the Key Vault stand-in can misbehave, each as the real service (or network) would.</summary>
public enum KeyVaultFaultKind
{
    /// <summary>HTTP 429 <c>Throttled</c> with a <c>Retry-After</c> header.</summary>
    Throttle,

    /// <summary>HTTP 500 <c>InternalServerError</c>.</summary>
    ServerError,

    /// <summary>The connection is dropped without an answer, as in an outage.</summary>
    Outage,

    /// <summary>HTTP 403 <c>Forbidden</c>: the identity lacks permission on the vault.</summary>
    Refuse,

    /// <summary>No answer until the client gives up.</summary>
    Hang,
}
