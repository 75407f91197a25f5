using System.Globalization;
using Microsoft.AspNetCore.Http;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Core.Http;

/// <summary>A provider's refusal (or the service's own hold-back) as a problem answer, with <c>Retry-After</c> where waiting helps.</summary>
internal static class ProviderProblems
{
    /// <param name="defaultThrottleDelay">The wait to announce when a throttled answer named none (<c>MediaDeletion:DefaultThrottleDelay</c>).</param>
    public static IResult For(HttpRequest request, ProviderAnswer answer, int attempts, TimeSpan defaultThrottleDelay, string requestId)
    {
        if (answer.Outcome is ProviderOutcome.Throttled or ProviderOutcome.RateLimited)
        {
            var wait = answer.RetryAfter ?? defaultThrottleDelay;
            request.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return ProblemResults.Create(OutcomeCodes.For(answer.Outcome)!, DetailFor(answer, attempts), requestId);
    }

    private static string DetailFor(ProviderAnswer answer, int attempts)
    {
        var described = answer.Describe();
        return answer.Outcome switch
        {
            // A delete or metadata call was tried again with a fresh read of the tenant; a download, with fresh metadata.
            ProviderOutcome.CredentialsRefused => $"The provider refused the tenant's credentials, also on the one retry ({described}).",
            ProviderOutcome.RateLimited => $"{answer.ProviderMessage} (docs/pacing.md).",
            _ => $"{described} (after {attempts} attempt{(attempts == 1 ? "" : "s")}).",
        };
    }
}
