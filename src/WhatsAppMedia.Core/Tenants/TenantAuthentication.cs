using System.Diagnostics.CodeAnalysis;

namespace WhatsAppMedia.Core.Tenants;

/// <summary>The answer of <see cref="TenantAuthenticator.AuthenticateAsync"/>, with the contract code a host answers with.</summary>
internal sealed class TenantAuthentication
{
    private TenantAuthentication(TenantAuthenticationStatus status, Tenant? tenant, TenantDocumentError? error, string? detail)
    {
        Status = status;
        Tenant = tenant;
        Error = error;
        Detail = detail;
    }

    public static TenantAuthentication InvalidTenantId { get; } = new(TenantAuthenticationStatus.InvalidTenantId, null, null, null);

    public static TenantAuthentication Unauthorized { get; } = new(TenantAuthenticationStatus.Unauthorized, null, null, null);

    public TenantAuthenticationStatus Status { get; }

    /// <summary>The tenant, when <see cref="Status"/> is <see cref="TenantAuthenticationStatus.Authenticated"/>.</summary>
    public Tenant? Tenant { get; }

    /// <summary>The unusable field, when <see cref="Status"/> is <see cref="TenantAuthenticationStatus.Misconfigured"/>.</summary>
    public TenantDocumentError? Error { get; }

    /// <summary>Why the store was unavailable or refused the service, for logs and problem details (never a secret).</summary>
    public string? Detail { get; }

    [MemberNotNullWhen(true, nameof(Tenant))]
    public bool IsAuthenticated => Status == TenantAuthenticationStatus.Authenticated;

    /// <summary>The contract code (<see cref="ErrorCodes"/>) for a failed authentication; null when authenticated.</summary>
    public string? ErrorCode => Status switch
    {
        TenantAuthenticationStatus.Authenticated => null,
        TenantAuthenticationStatus.InvalidTenantId => ErrorCodes.InvalidTenantId,
        TenantAuthenticationStatus.Unauthorized => ErrorCodes.Unauthorized,
        TenantAuthenticationStatus.Misconfigured or TenantAuthenticationStatus.StoreRefused => ErrorCodes.TenantMisconfigured,
        _ => ErrorCodes.CredentialsUnavailable,
    };

    public static TenantAuthentication Authenticated(Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return new(TenantAuthenticationStatus.Authenticated, tenant, null, null);
    }

    public static TenantAuthentication Misconfigured(TenantDocumentError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(TenantAuthenticationStatus.Misconfigured, null, error, null);
    }

    public static TenantAuthentication Unavailable(string? detail) => new(TenantAuthenticationStatus.Unavailable, null, null, detail);

    public static TenantAuthentication StoreRefused(string? detail) => new(TenantAuthenticationStatus.StoreRefused, null, null, detail);

    public override string ToString() => Status switch
    {
        TenantAuthenticationStatus.Authenticated => $"Authenticated {{ {Tenant} }}",
        TenantAuthenticationStatus.Misconfigured => $"Misconfigured {{ {Error} }}",
        TenantAuthenticationStatus.Unavailable => $"Unavailable {{ {Detail} }}",
        TenantAuthenticationStatus.StoreRefused => $"StoreRefused {{ {Detail} }}",
        _ => Status.ToString(),
    };
}
