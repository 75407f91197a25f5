namespace WhatsAppMedia.Core;

/// <summary>The stable <c>code</c> values of the public contract (docs/openapi.json and docs/formats.md). Callers match on these strings.</summary>
internal static class ErrorCodes
{
    public const string InvalidTenantId = "invalid_tenant_id";
    public const string InvalidMediaId = "invalid_media_id";
    public const string InvalidPhone = "invalid_phone";
    public const string PhoneRequired = "phone_required";
    public const string InvalidRequest = "invalid_request";

    // Answers produced around the handlers (routing, body reading, the framework), docs/openapi.json.
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string RequestTimeout = "request_timeout";
    public const string InternalError = "internal_error";

    public const string Unauthorized = "unauthorized";
    public const string MediaNotFound = "media_not_found";
    public const string ProviderThrottled = "provider_throttled";

    /// <summary>The service held the call back to keep the tenant's request budget; the provider was not called.</summary>
    public const string RateLimited = "rate_limited";
    public const string ProviderRejected = "provider_rejected";
    public const string ProviderAuthFailed = "provider_auth_failed";
    public const string ProviderUnavailable = "provider_unavailable";
    public const string CredentialsUnavailable = "credentials_unavailable";
    public const string ProviderTimeout = "provider_timeout";
    public const string MalformedMessage = "malformed_message";
    public const string UnknownTenant = "unknown_tenant";

    /// <summary>A queued item's tenant secret is disabled in Key Vault (HTTP callers see 401, as for an unknown tenant).</summary>
    public const string TenantDisabled = "tenant_disabled";
    public const string TenantMisconfigured = "tenant_misconfigured";
    public const string QueueUnavailable = "queue_unavailable";
    public const string PayloadTooLarge = "payload_too_large";
    public const string InvalidBatchId = "invalid_batch_id";
    public const string InvalidDeleteAt = "invalid_delete_at";
    public const string BatchNotFound = "batch_not_found";

    /// <summary>400: a registration's <c>origin</c> or <c>at</c> is unusable (docs/scheduling.md, "Retention").</summary>
    public const string InvalidRegistration = "invalid_registration";

    /// <summary>409: media is registered for a tenant whose document has no <c>retention</c> (docs/scheduling.md, "Retention").</summary>
    public const string RetentionNotSet = "retention_not_set";

    /// <summary>501: the tenant's provider has no such operation (AWS delivers no content; docs/api.md, "Codes").</summary>
    public const string OperationNotSupported = "operation_not_supported";
}
