using System.Globalization;
using System.Net.Http.Headers;

namespace WhatsAppMedia.Core.Providers;

/// <summary>Reads how long a provider asked us to wait, from <c>Retry-After</c> (seconds or an HTTP date).</summary>
internal static class RetryAfter
{
    public static TimeSpan? From(HttpResponseMessage response, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(timeProvider);
        return From(response.Headers.RetryAfter, timeProvider);
    }

    public static TimeSpan? From(RetryConditionHeaderValue? header, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>Reads a delay in whole seconds from a provider's body field, refusing negative or absurd values.</summary>
    public static TimeSpan? FromSeconds(string? seconds) =>
        int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 86_400
            ? TimeSpan.FromSeconds(value)
            : null;
}
