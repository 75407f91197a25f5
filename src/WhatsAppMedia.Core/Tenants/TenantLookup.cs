using System.Diagnostics.CodeAnalysis;

namespace WhatsAppMedia.Core.Tenants;

/// <summary>The answer of <see cref="ITenantStore.GetAsync"/>. Holds no secret outside <see cref="Tenant"/>, whose ToString redacts.</summary>
internal sealed class TenantLookup
{
    private TenantLookup(TenantLookupStatus status, Tenant? tenant, TenantDocumentError? error, string? apiKeySha256, string? detail)
    {
        Status = status;
        Tenant = tenant;
        Error = error;
        ApiKeySha256 = apiKeySha256;
        Detail = detail;
    }

    public static TenantLookup NotFound { get; } = new(TenantLookupStatus.NotFound, null, null, null, null);

    public static TenantLookup Disabled { get; } = new(TenantLookupStatus.Disabled, null, null, null, null);

    public TenantLookupStatus Status { get; }

    /// <summary>The tenant, when <see cref="Status"/> is <see cref="TenantLookupStatus.Found"/>.</summary>
    public Tenant? Tenant { get; }

    /// <summary>The unusable field, when <see cref="Status"/> is <see cref="TenantLookupStatus.Invalid"/>.</summary>
    public TenantDocumentError? Error { get; }

    /// <summary>The key hash to authenticate against: the tenant's, or an invalid document's when that field itself was usable.</summary>
    public string? ApiKeySha256 { get; }

    /// <summary>Why the store is <see cref="TenantLookupStatus.Unavailable"/> or <see cref="TenantLookupStatus.Refused"/>, for logs and problem details (never a secret).</summary>
    public string? Detail { get; }

    [MemberNotNullWhen(true, nameof(Tenant))]
    public bool IsFound => Status == TenantLookupStatus.Found;

    public static TenantLookup Found(Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return new(TenantLookupStatus.Found, tenant, null, tenant.ApiKeySha256, null);
    }

    public static TenantLookup Invalid(TenantDocumentError error, string? apiKeySha256)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(TenantLookupStatus.Invalid, null, error, apiKeySha256, null);
    }

    public static TenantLookup Unavailable(string detail)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(detail);
        return new(TenantLookupStatus.Unavailable, null, null, null, detail);
    }

    public static TenantLookup Refused(string detail)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(detail);
        return new(TenantLookupStatus.Refused, null, null, null, detail);
    }

    /// <summary>The lookup a parsed document stands for.</summary>
    public static TenantLookup From(TenantDocumentResult document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.IsValid ? Found(document.Tenant) : Invalid(document.Error, document.ApiKeySha256);
    }

    public override string ToString() => Status switch
    {
        TenantLookupStatus.Found => $"Found {{ {Tenant} }}",
        TenantLookupStatus.Invalid => $"Invalid {{ {Error} }}",
        TenantLookupStatus.Unavailable => $"Unavailable {{ {Detail} }}",
        TenantLookupStatus.Refused => $"Refused {{ {Detail} }}",
        _ => Status.ToString(),
    };
}
