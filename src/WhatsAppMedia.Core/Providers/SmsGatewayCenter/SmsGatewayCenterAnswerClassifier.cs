using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace WhatsAppMedia.Core.Providers.SmsGatewayCenter;

/// <summary>
/// Reads one SMSGatewayCenter answer. The provider's error shape is unconfirmed and may come with HTTP 200, so the body
/// (<c>{"status","statusCode","reason"}</c>) is read whatever the status; only statuses that say something on their
/// own (401/403, 429, 408, 5xx) decide before the body does. <c>statusCode</c> and <c>reason</c> are kept as the
/// provider code and message.
/// </summary>
internal static partial class SmsGatewayCenterAnswerClassifier
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 16 };

    /// <summary>
    /// Classifies one answer. Answers that confirm nothing — a 2xx whose body is not the provider's shape, or a
    /// "success" body on a non-2xx status — are <see cref="ProviderOutcome.Transient"/>: a retry settles them (media
    /// already deleted answers "not found", which is final).
    /// </summary>
    public static ProviderAnswer Classify(int httpStatus, string? body, TimeSpan? retryAfter)
    {
        var reply = Parse(body);
        var outcome = OutcomeOf(httpStatus, reply);
        var message = reply?.Reason ?? Unrecognised(body);
        return new ProviderAnswer(
            outcome,
            httpStatus,
            reply?.StatusCode,
            ProviderAnswer.Trim(message),
            outcome == ProviderOutcome.Throttled ? retryAfter : null);
    }

    private static ProviderOutcome OutcomeOf(int httpStatus, Reply? reply)
    {
        switch (httpStatus)
        {
            case 401 or 403:
                return ProviderOutcome.CredentialsRefused;
            case 429:
                return ProviderOutcome.Throttled;
            case 408 or >= 500:
                return ProviderOutcome.Transient;
        }

        var successStatus = httpStatus is >= 200 and < 300;
        if (reply is null)
        {
            return successStatus ? ProviderOutcome.Transient : ProviderOutcome.Rejected;
        }

        if (reply.IsSuccess)
        {
            return successStatus ? ProviderOutcome.Deleted : ProviderOutcome.Transient;
        }

        var reason = reply.Reason ?? string.Empty;
        return reply.StatusCode switch
        {
            "401" or "403" => ProviderOutcome.CredentialsRefused,
            _ when CredentialsPattern().IsMatch(reason) => ProviderOutcome.CredentialsRefused,
            "429" => ProviderOutcome.Throttled,
            _ when ThrottlePattern().IsMatch(reason) => ProviderOutcome.Throttled,
            [ '5', _, _ ] => ProviderOutcome.Transient,
            _ when NotFoundPattern().IsMatch(reason) => ProviderOutcome.NotFound,
            _ => ProviderOutcome.Rejected,
        };
    }

    private static Reply? Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body, ParseOptions);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var reply = new Reply(Text(root, "status"), Text(root, "statusCode"), Text(root, "reason"));
            return reply.Status is null && reply.StatusCode is null && reply.Reason is null ? null : reply;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A string or a number, as text: the provider's sample quotes <c>statusCode</c>, but a number is read the same.</summary>
    private static string? Text(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var property))
        {
            return null;
        }

        var text = property.ValueKind switch
        {
            JsonValueKind.String => property.GetString(),
            JsonValueKind.Number => property.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static string Unrecognised(string? body) =>
        ProviderAnswer.Trim(body) is { } excerpt
            ? $"SMSGatewayCenter answered without its status/reason body: {excerpt}"
            : "SMSGatewayCenter answered with an empty body";

    [GeneratedRegex(@"credential|api\s*key|password|unauthori[sz]ed|authenticat|invalid\s+user|access\s+denied|forbidden|not\s+authori", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CredentialsPattern();

    [GeneratedRegex(@"too\s+many|rate\s*limit|throttl", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThrottlePattern();

    [GeneratedRegex(@"not\s+found|expired|does\s*n[o']t\s+exist|no\s+such", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotFoundPattern();

    private sealed record Reply(string? Status, string? StatusCode, string? Reason)
    {
        public bool IsSuccess => string.Equals(Status, "success", StringComparison.OrdinalIgnoreCase);
    }
}
