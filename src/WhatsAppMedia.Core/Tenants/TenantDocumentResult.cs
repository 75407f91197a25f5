using System.Diagnostics.CodeAnalysis;

namespace WhatsAppMedia.Core.Tenants;

/// <summary>
/// A parsed tenant document: either a usable <see cref="Tenant"/> or the first <see cref="Error"/> found.
/// <see cref="ApiKeySha256"/> is kept when that field was well formed even if another one was not, so a caller who
/// proves the key can be told the tenant is misconfigured while everyone else sees an unknown tenant.
/// </summary>
public sealed class TenantDocumentResult
{
    private TenantDocumentResult(Tenant? tenant, TenantDocumentError? error, string? apiKeySha256)
    {
        Tenant = tenant;
        Error = error;
        ApiKeySha256 = apiKeySha256;
    }

    public Tenant? Tenant { get; }

    public TenantDocumentError? Error { get; }

    public string? ApiKeySha256 { get; }

    [MemberNotNullWhen(true, nameof(Tenant))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Tenant is not null;

    public static TenantDocumentResult Valid(Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return new(tenant, null, tenant.ApiKeySha256);
    }

    public static TenantDocumentResult Invalid(TenantDocumentError error, string? apiKeySha256)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(null, error, apiKeySha256);
    }

    public override string ToString() => IsValid ? $"Valid {{ {Tenant} }}" : $"Invalid {{ {Error} }}";
}
