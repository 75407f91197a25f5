using System.Globalization;
using System.Text;
using System.Text.Json;

namespace WhatsAppMedia.Core.Providers.Meta;

/// <summary>
/// Reads one Graph API answer to a media delete. A Graph error object is classified on <c>error.code</c>,
/// <c>error_subcode</c> and <c>is_transient</c>, never on the HTTP status, which Meta varies (throttling and
/// "not found" both come as 400). Only answers without a Graph error object fall back on the status.
/// </summary>
internal static class MetaAnswerClassifier
{
    /// <summary>Meta's "object does not exist, cannot be loaded due to missing permissions, or does not support this operation".</summary>
    private const int ObjectNotAccessibleSubcode = 33;

    private const string NotFoundNote =
        "Not found, or not reachable with this token or phone_number_id: Meta gives the same answer for both. Meta said: ";

    /// <summary>
    /// Classifies one answer. A 2xx without <c>"success": true</c> is <see cref="ProviderOutcome.Transient"/>: Meta
    /// did not confirm the deletion, and a retry settles it either way (a second delete of deleted media answers
    /// 100/33, which is final), whereas calling it rejected would give up on media that may still exist.
    /// </summary>
    public static ProviderAnswer Classify(int httpStatus, string? body, TimeSpan? retryAfter)
    {
        using var document = ProviderJson.TryParseObject(body);
        if (document?.RootElement is { ValueKind: JsonValueKind.Object } root)
        {
            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object && TryGetInt(error, "code", out var code))
            {
                return ClassifyError(httpStatus, error, code, retryAfter);
            }

            if (IsSuccessStatus(httpStatus) && root.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.True)
            {
                return ProviderAnswer.Deleted(httpStatus);
            }
        }

        return ClassifyUnrecognised(httpStatus, body, retryAfter);
    }

    private static ProviderAnswer ClassifyError(int httpStatus, JsonElement error, int code, TimeSpan? retryAfter)
    {
        int? subcode = TryGetInt(error, "error_subcode", out var value) ? value : null;
        var isTransient = error.TryGetProperty("is_transient", out var transient) && transient.ValueKind == JsonValueKind.True;
        var outcome = OutcomeOf(httpStatus, code, subcode, isTransient);
        var providerCode = subcode is null
            ? code.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{code}/{subcode}");
        var message = Describe(error);
        if (outcome == ProviderOutcome.NotFound)
        {
            message = NotFoundNote + message;
        }

        return new ProviderAnswer(
            outcome,
            httpStatus,
            providerCode,
            ProviderAnswer.Trim(message),
            outcome == ProviderOutcome.Throttled ? retryAfter : null)
        {
            // The error's trace id, which Meta's support asks for (https://developers.facebook.com/docs/graph-api/guides/error-handling/).
            RequestId = error.TryGetProperty("fbtrace_id", out var trace) && trace.ValueKind == JsonValueKind.String ? ProviderRequestId.Usable(trace.GetString()) : null,
        };
    }

    /// <summary>The table in docs/providers/meta.md, "Answers"; the order matters where a code is listed and <c>is_transient</c> is also set.</summary>
    private static ProviderOutcome OutcomeOf(int httpStatus, int code, int? subcode, bool isTransient) => code switch
    {
        0 or 10 or 190 or (>= 200 and <= 299) or 131005 => ProviderOutcome.CredentialsRefused,
        _ when MetaRateLimitCodes.IsRateLimit(code) => ProviderOutcome.Throttled,
        1 or 2 or 131000 or 131016 => ProviderOutcome.Transient,
        _ when isTransient => ProviderOutcome.Transient,
        100 when subcode == ObjectNotAccessibleSubcode => ProviderOutcome.NotFound,
        100 or 131009 => ProviderOutcome.Rejected,

        // A code the table does not name: a 5xx says the fault is Meta's, anything else that the request is wrong.
        _ when httpStatus >= 500 => ProviderOutcome.Transient,
        _ => ProviderOutcome.Rejected,
    };

    private static ProviderAnswer ClassifyUnrecognised(int httpStatus, string? body, TimeSpan? retryAfter)
    {
        var outcome = httpStatus switch
        {
            429 => ProviderOutcome.Throttled,
            408 or >= 500 => ProviderOutcome.Transient,
            >= 200 and < 300 => ProviderOutcome.Transient,

            // A 4xx without a Graph error object comes from something in front of Meta (a proxy, a wrong base URL):
            // sending the same request again will not change it.
            _ => ProviderOutcome.Rejected,
        };
        var what = IsSuccessStatus(httpStatus)
            ? "Meta answered without \"success\": true, so the deletion is unconfirmed"
            : "Meta answered without a Graph API error object";
        var excerpt = ProviderAnswer.Trim(body);
        return new ProviderAnswer(
            outcome,
            httpStatus,
            ProviderMessage: ProviderAnswer.Trim(excerpt is null ? what : $"{what}: {excerpt}"),
            RetryAfter: outcome == ProviderOutcome.Throttled ? retryAfter : null);
    }

    /// <summary>Meta's message, its <c>error_data.details</c> and the <c>fbtrace_id</c> Meta support asks for.</summary>
    private static string Describe(JsonElement error)
    {
        var text = new StringBuilder(GetString(error, "message") ?? "Meta gave no message");
        if (error.TryGetProperty("error_data", out var data) && data.ValueKind == JsonValueKind.Object && GetString(data, "details") is { } details)
        {
            text.Append(" (").Append(details).Append(')');
        }

        if (GetString(error, "fbtrace_id") is { } trace)
        {
            text.Append(" [fbtrace_id ").Append(trace).Append(']');
        }

        return text.ToString();
    }


    private static bool TryGetInt(JsonElement element, string name, out int value)
    {
        value = 0;
        if (!element.TryGetProperty(name, out var property))
        {
            return false;
        }

        return property.ValueKind switch
        {
            JsonValueKind.Number => property.TryGetInt32(out value),
            JsonValueKind.String => int.TryParse(property.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(property.GetString())
            ? property.GetString()
            : null;

    private static bool IsSuccessStatus(int httpStatus) => httpStatus is >= 200 and < 300;
}
