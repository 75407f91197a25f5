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

    /// <summary>
    /// HTTP 403 <c>Forbidden</c>, inner error <c>AccessDenied</c>: an access policy vault that gives the identity no
    /// secrets get permission.
    /// </summary>
    Refuse,

    /// <summary>HTTP 403 <c>Forbidden</c>, inner error <c>ForbiddenByRbac</c>: an RBAC vault where the identity has no role that may read the secret.</summary>
    RefuseByRbac,

    /// <summary>No answer until the client gives up.</summary>
    Hang,
}
