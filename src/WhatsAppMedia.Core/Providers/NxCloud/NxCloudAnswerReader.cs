using System.Globalization;
using System.Net;

namespace WhatsAppMedia.Core.Providers.NxCloud;

/// <summary>
/// Classifies one NxCloud answer. NxCloud answers HTTP 200 with <c>{"code","message","data"}</c> for its own
/// errors, so the <c>code</c> decides; the HTTP status only decides for throttling (429), server failures (5xx,
/// 408) and answers that carry no NxCloud envelope.
/// </summary>
/// <remarks>
/// Decisions where NxCloud's documents are silent:
/// <list type="bullet">
/// <item><c>code</c> 0 without <c>data.success: true</c> is <see cref="ProviderOutcome.Rejected"/>: NxCloud uses
/// <c>success: false</c> for "not deleted", and a deletion is never reported that the provider did not confirm.</item>
/// <item>How "media not found" is reported is unknown, so no code maps to <see cref="ProviderOutcome.NotFound"/>;
/// unknown codes are rejected and keep NxCloud's code and message for whoever reads the failure.</item>
/// <item>Without an envelope: 401/403 are credentials refused, other 4xx rejected, anything else (a proxy's page on
/// a 2xx, say) transient.</item>
/// </list>
/// </remarks>
internal static class NxCloudAnswerReader
{
    private const string ClockSkewNote =
        "ts outside NxCloud's 60 s window, possible clock skew (re-signed on retry; check this host's clock if it persists)";

    private const string UnconfirmedSuccessNote = "code 0 without data.success true; the deletion was not confirmed";

    private const string NoEnvelopeNote = "the answer was not NxCloud's JSON envelope";

    public static ProviderAnswer Classify(int httpStatus, string? body, TimeSpan? retryAfter)
    {
        var envelope = NxCloudEnvelope.TryParse(body);
        var code = envelope?.Code.ToString(CultureInfo.InvariantCulture);
        var message = ProviderAnswer.Trim(envelope?.Message);

        if (httpStatus == (int)HttpStatusCode.TooManyRequests)
        {
            return new ProviderAnswer(ProviderOutcome.Throttled, httpStatus, code, message, retryAfter);
        }

        if (httpStatus >= 500 || httpStatus == (int)HttpStatusCode.RequestTimeout)
        {
            return new ProviderAnswer(ProviderOutcome.Transient, httpStatus, code, message ?? NoEnvelopeNote);
        }

        if (envelope is null)
        {
            var outcome = httpStatus switch
            {
                (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.Forbidden => ProviderOutcome.CredentialsRefused,
                >= 400 => ProviderOutcome.Rejected,
                _ => ProviderOutcome.Transient,
            };
            return new ProviderAnswer(outcome, httpStatus, ProviderMessage: NoEnvelopeNote);
        }

        return envelope.Code switch
        {
            NxCloudResultCodes.Success when envelope.Success => ProviderAnswer.Deleted(httpStatus),
            NxCloudResultCodes.Success =>
                new ProviderAnswer(ProviderOutcome.Rejected, httpStatus, code, ProviderAnswer.Trim(message is null ? UnconfirmedSuccessNote : $"{UnconfirmedSuccessNote}: {message}")),
            NxCloudResultCodes.InvalidSignature or NxCloudResultCodes.InsufficientPermissions =>
                new ProviderAnswer(ProviderOutcome.CredentialsRefused, httpStatus, code, message),
            NxCloudResultCodes.TimestampExpired =>
                new ProviderAnswer(ProviderOutcome.Transient, httpStatus, code, ProviderAnswer.Trim(message is null ? ClockSkewNote : $"{ClockSkewNote}: {message}")),
            NxCloudResultCodes.RequestFailed or NxCloudResultCodes.SystemBusinessError =>
                new ProviderAnswer(ProviderOutcome.Transient, httpStatus, code, message),

            // 1001, 1002, 9000, 9002, 9006 and every code NxCloud has not documented: the same request cannot succeed.
            _ => new ProviderAnswer(ProviderOutcome.Rejected, httpStatus, code, message),
        };
    }
}
