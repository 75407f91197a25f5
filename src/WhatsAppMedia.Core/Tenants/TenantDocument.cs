// Longer than 250 lines: the parser and writer of one format, a field at a time, each with its own refusal.
using System.Text;
using System.Text.Json;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Text;
using Fields = WhatsAppMedia.Core.Tenants.TenantDocumentFields;

namespace WhatsAppMedia.Core.Tenants;

/// <summary>
/// The tenant document of docs/formats.md, "Tenant document", read and written the same way for Key Vault, configuration and the CLI.
/// Unknown fields are ignored; the first unusable field gives a <see cref="TenantDocumentError"/> that names it
/// without repeating any value, so a broken document never leaks a credential into a log.
/// </summary>
public static class TenantDocument
{
    /// <summary>Key Vault's own limit for a secret value; a larger document cannot be a real one.</summary>
    public const int MaxLength = 25 * 1024;

    /// <summary>Longest accepted string field; credentials and phone identities are far shorter.</summary>
    public const int MaxFieldLength = 4096;

    /// <summary>Largest accepted <c>requestsPerSecond</c>: ten times AWS's documented account quota, far above any provider's.</summary>
    public const double MaxRequestsPerSecond = 1000;

    private static readonly JsonDocumentOptions ParseOptions = new()
    {
        MaxDepth = 8,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,

        // Two values for one field would make "which credential is used" depend on parser details.
        AllowDuplicateProperties = false,
    };

    /// <summary>Parses and validates the document of <paramref name="tenantId"/>.</summary>
    /// <param name="providers">The providers a document may name; null for <see cref="ProviderRegistry.BuiltIn"/>. The hosts pass the registry they resolved, so a provider registered there is known here.</param>
    /// <exception cref="ArgumentException">The tenant id is not valid.</exception>
    public static TenantDocumentResult Parse(string tenantId, string? json, ProviderRegistry? providers = null)
    {
        TenantIds.ThrowIfInvalid(tenantId);
        if (string.IsNullOrWhiteSpace(json))
        {
            return Invalid(TenantDocumentError.WholeDocument, "The tenant document is empty.");
        }

        if (json.Length > MaxLength)
        {
            return Invalid(TenantDocumentError.WholeDocument, $"The tenant document is longer than {MaxLength} characters.");
        }

        // Key Vault and configuration hand over strings that can hold what no JSON text can: the parser would throw.
        if (JsonStrings.FindLoneSurrogate(json) is not null)
        {
            return Invalid(TenantDocumentError.WholeDocument, "The tenant document is not text: it holds an unpaired surrogate.");
        }

        JsonDocument document;
        try
        {
            // A string (or field name) that is not text, an unpaired surrogate escape, would make the parser's
            // duplicate check or a later read throw: it is refused by name first.
            if (JsonStrings.FindNonText(json, max: 1, ParseOptions) is [var nonText])
            {
                var field = nonText.Segments.Count == 0 ? TenantDocumentError.WholeDocument : string.Join('.', nonText.Segments);
                var where = nonText.IsPropertyName ? $"A field name in '{field}'" : $"Tenant document field '{field}'";
                return Invalid(field, $"{where} {JsonStrings.NotTextReason}.");
            }

            document = JsonDocument.Parse(json, ParseOptions);
        }
        catch (JsonException exception)
        {
            // The parser's own message can quote the offending text; only the line number is safe to pass on.
            var line = exception.LineNumber is { } number ? $" (line {number + 1})" : string.Empty;
            return Invalid(TenantDocumentError.WholeDocument, $"The tenant document is not valid JSON or repeats a field{line}.");
        }

        using (document)
        {
            return Read(tenantId, document.RootElement, providers ?? ProviderRegistry.BuiltIn);
        }
    }

    /// <summary>Writes <paramref name="tenant"/> as a compact tenant document that <see cref="Parse"/> reads back unchanged.</summary>
    public static string Serialize(Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(Fields.Provider, tenant.Provider);
            writer.WriteString(Fields.ApiKeySha256, tenant.ApiKeySha256);
            WriteOptional(writer, Fields.Phone, tenant.Phone);
            if (tenant.RequestsPerSecond is { } rate)
            {
                writer.WriteNumber(Fields.RequestsPerSecond, rate);
            }

            if (tenant.RetentionDeleteAfter is { } deleteAfter)
            {
                writer.WriteStartObject(Fields.Retention);
                writer.WriteString(Fields.DeleteAfter, Scheduling.RetentionPeriod.Format(deleteAfter));
                writer.WriteEndObject();
            }

            writer.WriteStartObject(Fields.Credentials);
            foreach (var (name, value) in tenant.Credentials.ToDocumentFields())
            {
                WriteOptional(writer, name, value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static TenantDocumentResult Read(string tenantId, JsonElement root, ProviderRegistry providers)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Invalid(TenantDocumentError.WholeDocument, "The tenant document must be a JSON object.");
        }

        var reader = new FieldReader(root, string.Empty);
        var providerName = reader.Required(Fields.Provider);
        if (reader.Error is not null)
        {
            return TenantDocumentResult.Invalid(reader.Error, null);
        }

        if (!providers.TryFind(providerName, out var provider))
        {
            return Invalid(Fields.Provider, $"Tenant document field '{Fields.Provider}' must be one of: {string.Join(", ", providers.Names)}.");
        }

        var apiKeySha256 = reader.Required(Fields.ApiKeySha256);
        if (reader.Error is not null)
        {
            return TenantDocumentResult.Invalid(reader.Error, null);
        }

        if (!ApiKeyHash.IsWellFormed(apiKeySha256))
        {
            return Invalid(Fields.ApiKeySha256, $"Tenant document field '{Fields.ApiKeySha256}' must be {ApiKeyHash.HexLength} lowercase hexadecimal characters.");
        }

        // From here on the key hash is known to be usable; later errors keep it (see TenantDocumentResult).
        var phone = reader.Optional(Fields.Phone);
        if (reader.Error is not null)
        {
            return TenantDocumentResult.Invalid(reader.Error, apiKeySha256);
        }

        // No default phone is valid for every provider (docs/formats.md, "Tenant document"): a call that ends up without one is refused with
        // phone_required then. A phone that is given is held to the provider's own format now, so a typo surfaces
        // as tenant_misconfigured rather than as invalid_phone on every call.
        if (phone is not null && ProviderPhones.DefaultPhoneProblem(provider, phone) is { } phoneProblem)
        {
            return Invalid(Fields.Phone, $"Tenant document field '{Fields.Phone}' {phoneProblem}.", apiKeySha256);
        }

        if (ReadRequestsPerSecond(root, out var requestsPerSecond) is { } rateProblem)
        {
            return Invalid(Fields.RequestsPerSecond, $"Tenant document field '{Fields.RequestsPerSecond}' {rateProblem}.", apiKeySha256);
        }

        if (ReadRetention(root, out var deleteAfter) is { } retentionProblem)
        {
            return TenantDocumentResult.Invalid(retentionProblem, apiKeySha256);
        }

        if (!root.TryGetProperty(Fields.Credentials, out var credentialsElement) || credentialsElement.ValueKind != JsonValueKind.Object)
        {
            return Invalid(Fields.Credentials, $"Tenant document field '{Fields.Credentials}' is required and must be a JSON object.", apiKeySha256);
        }

        var credentialsReader = new FieldReader(credentialsElement, Fields.Credentials + ".");
        var credentials = ReadCredentials(provider, credentialsReader);
        return credentials is null
            ? TenantDocumentResult.Invalid(credentialsReader.Error!, apiKeySha256)
            : TenantDocumentResult.Valid(new Tenant(tenantId, apiKeySha256, phone, credentials, requestsPerSecond, deleteAfter));
    }

    /// <summary>
    /// Reads the provider's fields (present, strings, no stray whitespace) in the order the provider lists them, then
    /// holds the credentials to the rules the provider itself applies on the wire (<see cref="ProviderCredentials.Problem"/>), stated there once.
    /// </summary>
    private static ProviderCredentials? ReadCredentials(IProviderDefinition provider, FieldReader reader)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in provider.CredentialFields)
        {
            var value = field.IsRequired ? reader.Required(field.Name) : reader.Optional(field.Name);
            if (value is not null)
            {
                fields[field.Name] = value;
            }
        }

        if (reader.Error is not null)
        {
            return null;
        }

        var credentials = provider.CreateCredentials(fields);
        if (credentials.Problem() is { } problem)
        {
            reader.Fail(problem);
            return null;
        }

        return credentials;
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>The optional request budget: a positive JSON number up to <see cref="MaxRequestsPerSecond"/>; null when absent.</summary>
    private static string? ReadRequestsPerSecond(JsonElement root, out double? requestsPerSecond)
    {
        requestsPerSecond = null;
        if (!root.TryGetProperty(Fields.RequestsPerSecond, out var property) || property.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (property.ValueKind != JsonValueKind.Number || !property.TryGetDouble(out var rate) || !double.IsFinite(rate))
        {
            return "must be a number";
        }

        if (rate <= 0 || rate > MaxRequestsPerSecond)
        {
            return $"must be greater than 0 and at most {MaxRequestsPerSecond}";
        }

        requestsPerSecond = rate;
        return null;
    }

    /// <summary>The optional retention policy: <c>{"deleteAfter": "P7D"}</c>; null when absent (docs/scheduling.md, "Retention").</summary>
    private static TenantDocumentError? ReadRetention(JsonElement root, out TimeSpan? deleteAfter)
    {
        deleteAfter = null;
        if (!root.TryGetProperty(Fields.Retention, out var retention) || retention.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (retention.ValueKind != JsonValueKind.Object)
        {
            return TenantDocumentError.For(Fields.Retention, $"must be a JSON object such as {{\"{Fields.DeleteAfter}\": \"P7D\"}}");
        }

        var reader = new FieldReader(retention, Fields.Retention + ".");
        var text = reader.Required(Fields.DeleteAfter);
        if (reader.Error is { } error)
        {
            return error;
        }

        deleteAfter = Scheduling.RetentionPeriod.TryParse(text, out var problem);
        return deleteAfter is null ? TenantDocumentError.For(Fields.RetentionDeleteAfter, problem!) : null;
    }

    private static TenantDocumentResult Invalid(string field, string message, string? apiKeySha256 = null) =>
        TenantDocumentResult.Invalid(new TenantDocumentError(field, message), apiKeySha256);

    /// <summary>Reads string fields of one JSON object and keeps the first error, so callers read all fields then check once.</summary>
    private sealed class FieldReader(JsonElement element, string pathPrefix)
    {
        public TenantDocumentError? Error { get; private set; }

        public string? Required(string name)
        {
            var value = Optional(name);
            if (Error is null && value is null)
            {
                Fail(name, "is required");
            }

            return value;
        }

        public string? Optional(string name)
        {
            if (Error is not null || !element.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (property.ValueKind != JsonValueKind.String)
            {
                Fail(name, "must be a string");
                return null;
            }

            var value = property.GetString()!;
            var problem = value switch
            {
                { Length: 0 } => "must not be empty (leave the field out instead)",
                { Length: > MaxFieldLength } => $"must not be longer than {MaxFieldLength} characters",
                _ when value.Any(char.IsControl) => "must not contain control characters",

                // A pasted token with a trailing newline or space fails at the provider in confusing ways.
                _ when char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) => "must not start or end with whitespace",
                _ => null,
            };
            if (problem is not null)
            {
                Fail(name, problem);
                return null;
            }

            return value;
        }

        public void Fail(string name, string problem) => Error ??= TenantDocumentError.For(pathPrefix + name, problem);

        public void Fail(TenantDocumentError error) => Error ??= error;
    }
}
