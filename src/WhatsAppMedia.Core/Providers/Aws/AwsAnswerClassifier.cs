using System.Net;
using System.Text.Json;

namespace WhatsAppMedia.Core.Providers.Aws;

/// <summary>
/// Turns an End User Messaging Social answer into a <see cref="ProviderAnswer"/>. The error type decides first (it
/// comes from <c>x-amzn-ErrorType</c>, or the body's <c>__type</c>/<c>code</c>); the HTTP status decides when the type
/// is missing or unknown.
/// </summary>
internal static class AwsAnswerClassifier
{
    public const string ErrorTypeHeader = "x-amzn-ErrorType";

    public const string RequestIdHeader = "x-amzn-RequestId";

    public static async Task<ProviderAnswer> ClassifyAsync(HttpResponseMessage response, TimeProvider timeProvider, SigV4Credentials credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(credentials);
        var answer = await ClassifyCoreAsync(response, timeProvider, credentials, cancellationToken);
        // Every AWS answer names its request (https://docs.aws.amazon.com/general/latest/gr/api-retries.html): evidence.
        return answer with { RequestId = ProviderRequestId.From(response, RequestIdHeader) };
    }

    private static async Task<ProviderAnswer> ClassifyCoreAsync(HttpResponseMessage response, TimeProvider timeProvider, SigV4Credentials credentials, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var body = await ProviderResponseBody.ReadAsync(response.Content, cancellationToken);
        using var json = ProviderJson.TryParseObject(body);

        if (response.IsSuccessStatusCode)
        {
            return json is not null && json.RootElement.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.True
                ? ProviderAnswer.Deleted(status)
                : new ProviderAnswer(ProviderOutcome.Transient, status, ProviderMessage: Quote("Success status without {\"success\":true}: " + body, credentials));
        }

        var type = ErrorType(response, json);
        var message = json is null ? body : StringProperty(json.RootElement, "message") ?? StringProperty(json.RootElement, "Message");
        var outcome = OutcomeOf(type) ?? OutcomeOf(response.StatusCode);
        var retryAfter = outcome == ProviderOutcome.Throttled ? RetryAfter.From(response, timeProvider) : null;
        return new ProviderAnswer(outcome, status, type, Quote(message, credentials), retryAfter);
    }

    private static ProviderOutcome? OutcomeOf(string? errorType) => errorType switch
    {
        "ThrottlingException" or "ThrottledRequestException" or "TooManyRequestsException" => ProviderOutcome.Throttled,
        "InternalServiceException" or "DependencyException" or "ServiceUnavailableException" or "InternalFailure" => ProviderOutcome.Transient,
        "AccessDeniedException" or "AccessDeniedByMetaException" or "UnrecognizedClientException" or "ExpiredTokenException"
            or "InvalidSignatureException" or "SignatureDoesNotMatch" or "IncompleteSignatureException"
            or "MissingAuthenticationTokenException" or "InvalidClientTokenId" => ProviderOutcome.CredentialsRefused,
        "ResourceNotFoundException" => ProviderOutcome.NotFound,
        "ValidationException" or "InvalidParametersException" => ProviderOutcome.Rejected,
        _ => null,
    };

    /// <summary>
    /// A 404 without <c>ResourceNotFoundException</c> is not "media not found": a wrong endpoint answers 404 too, and
    /// calling that deleted would lose the media for good. It is rejected instead, so someone looks.
    /// </summary>
    private static ProviderOutcome OutcomeOf(HttpStatusCode status) => (int)status switch
    {
        429 => ProviderOutcome.Throttled,
        401 or 403 => ProviderOutcome.CredentialsRefused,
        408 or >= 500 => ProviderOutcome.Transient,
        _ => ProviderOutcome.Rejected,
    };

    /// <summary><c>x-amzn-ErrorType</c> up to its first <c>:</c>, else the body's <c>__type</c> or <c>code</c> after its last <c>#</c>.</summary>
    private static string? ErrorType(HttpResponseMessage response, JsonDocument? json)
    {
        if (response.Headers.TryGetValues(ErrorTypeHeader, out var values) && values.FirstOrDefault() is { Length: > 0 } header)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            return Bounded(colon < 0 ? header : header[..colon]);
        }

        if (json is not null && (StringProperty(json.RootElement, "__type") ?? StringProperty(json.RootElement, "code")) is { Length: > 0 } bodyType)
        {
            return Bounded(bodyType[(bodyType.LastIndexOf('#') + 1)..]);
        }

        return null;
    }

    private static string? Bounded(string type) => ProviderAnswer.Trim(type.Length <= 100 ? type : type[..100]);

    /// <summary>
    /// Trims a provider message for logs, after taking out our own secrets: some AWS signature errors quote the
    /// canonical request, which carries the session token.
    /// </summary>
    private static string? Quote(string? message, SigV4Credentials credentials)
    {
        if (string.IsNullOrEmpty(message))
        {
            return null;
        }

        foreach (var secret in (ReadOnlySpan<string?>)[credentials.SecretAccessKey, credentials.SessionToken])
        {
            if (!string.IsNullOrEmpty(secret))
            {
                message = message.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        return ProviderAnswer.Trim(message);
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String ? property.GetString() : null;
}
