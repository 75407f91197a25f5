using System.Text.Json;

namespace WhatsAppMedia.Core.Providers.Meta;

/// <summary>
/// Reads how long Meta says a throttled app or business must wait from its usage headers
/// (https://developers.facebook.com/docs/graph-api/overview/rate-limiting/): <c>X-Business-Use-Case-Usage</c> is
/// <c>{"&lt;business id&gt;":[{"type":…,"call_count":…,"estimated_time_to_regain_access":&lt;minutes&gt;}]}</c>, and
/// <c>X-App-Usage</c> may carry the same field. The largest wait named anywhere wins; 0 or none means "not said".
/// </summary>
internal static class MetaUsageHeaders
{
    public const string BusinessUseCaseUsage = "X-Business-Use-Case-Usage";
    public const string AppUsage = "X-App-Usage";

    private const string RegainAccessField = "estimated_time_to_regain_access";

    /// <summary>Meta's own estimate, in minutes turned into a wait; null when no header names one.</summary>
    public static TimeSpan? RegainAccessIn(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var minutes = 0L;
        foreach (var name in (string[])[BusinessUseCaseUsage, AppUsage])
        {
            if (response.Headers.TryGetValues(name, out var values))
            {
                foreach (var value in values)
                {
                    minutes = Math.Max(minutes, LargestMinutes(value));
                }
            }
        }

        return minutes > 0 ? TimeSpan.FromMinutes(minutes) : null;
    }

    /// <summary>The largest <c>estimated_time_to_regain_access</c> anywhere in <paramref name="json"/>; 0 for none or for text that is not JSON.</summary>
    internal static long LargestMinutes(string json)
    {
        if (json.Length > 16 * 1024)
        {
            return 0;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return Largest(document.RootElement);
        }
        catch (JsonException)
        {
            return 0;
        }
    }

    private static long Largest(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Select(property =>
            property.NameEquals(RegainAccessField) && property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt64(out var minutes)
                ? Math.Clamp(minutes, 0, (long)TimeSpan.FromDays(7).TotalMinutes)
                : Largest(property.Value)).DefaultIfEmpty(0).Max(),
        JsonValueKind.Array => element.EnumerateArray().Select(Largest).DefaultIfEmpty(0).Max(),
        _ => 0,
    };
}
