namespace WhatsAppMedia.Core.Tenants;

/// <summary>One read of a tenant document from its source: the raw document, "no such tenant", or a failure.</summary>
internal sealed class TenantSourceRead
{
    private TenantSourceRead(string? document, string? failure, bool throttled, TimeSpan? retryAfter)
    {
        Document = document;
        Failure = failure;
        Throttled = throttled;
        RetryAfter = retryAfter;
    }

    public static TenantSourceRead NotFound { get; } = new(null, null, false, null);

    /// <summary>The raw document, when the tenant exists.</summary>
    public string? Document { get; }

    /// <summary>What went wrong, for logs (never a secret); null when the source answered.</summary>
    public string? Failure { get; }

    /// <summary>Whether the source asked us to slow down.</summary>
    public bool Throttled { get; }

    /// <summary>How long the source asked us to wait, when it said so.</summary>
    public TimeSpan? RetryAfter { get; }

    public bool HasFailed => Failure is not null;

    public static TenantSourceRead Found(string document) => new(document, null, false, null);

    public static TenantSourceRead Failed(string failure, bool throttled = false, TimeSpan? retryAfter = null) =>
        new(null, failure, throttled, retryAfter);
}
