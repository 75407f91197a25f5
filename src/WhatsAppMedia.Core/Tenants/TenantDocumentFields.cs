namespace WhatsAppMedia.Core.Tenants;

/// <summary>
/// The provider-independent JSON field names of the tenant document (docs/formats.md, "Tenant document"), shared by the
/// parser, the writer and the CLI. The fields inside <c>credentials</c> are each provider's (<see cref="Providers.IProviderDefinition.CredentialFields"/>).
/// </summary>
public static class TenantDocumentFields
{
    public const string Provider = "provider";
    public const string ApiKeySha256 = "apiKeySha256";
    public const string Phone = "phone";

    /// <summary>Optional: the tenant's provider request budget in requests per second (docs/pacing.md).</summary>
    public const string RequestsPerSecond = "requestsPerSecond";
    public const string Credentials = "credentials";

    /// <summary>Optional: the tenant's retention policy, an object (docs/scheduling.md, "Retention").</summary>
    public const string Retention = "retention";

    /// <summary>Inside <see cref="Retention"/>: an ISO 8601 duration such as <c>P7D</c>.</summary>
    public const string DeleteAfter = "deleteAfter";

    /// <summary>The dotted path of <see cref="DeleteAfter"/>, as error messages name it.</summary>
    public const string RetentionDeleteAfter = Retention + "." + DeleteAfter;

    /// <summary>The dotted path of a field inside <c>credentials</c>, as error messages name it.</summary>
    public static string InCredentials(string field) => Credentials + "." + field;
}
