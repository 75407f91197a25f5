using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace WhatsAppMedia.Core.Scheduling;

/// <summary>
/// The <c>deleteAt</c> of a bulk deletion or one of its items (docs/scheduling.md, "deleteAt"): an ISO 8601 UTC time
/// ending in <c>Z</c>, at most <see cref="MaxDaysAhead"/> days ahead; absent, null or past means now.
/// </summary>
internal static partial class DeleteAt
{
    /// <summary>How far ahead a deletion may be scheduled.</summary>
    public const int MaxDaysAhead = 3650;

    /// <summary>What a refusal shows of the value sent, so a hostile one cannot flood the answer.</summary>
    private const int MaxShownLength = 40;

    public const string Example = "2027-01-31T09:00:00Z";

    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];

    /// <summary>
    /// Reads <paramref name="text"/>, sent as <paramref name="field"/>: false with a problem naming the field when it is
    /// not such a time or too far ahead; else the due time, or null when it is absent or not after <paramref name="now"/>.
    /// </summary>
    /// <param name="isMalformed">The field was present but not a string.</param>
    public static bool TryResolve(string? text, bool isMalformed, string field, DateTimeOffset now, out DateTimeOffset? due, out string? problem)
    {
        due = null;
        problem = null;
        if (isMalformed)
        {
            problem = $"'{field}' must be a string: an ISO 8601 UTC time such as {Example}.";
            return false;
        }

        if (text is null)
        {
            return true;
        }

        if (!TryParseTime(text, field, out var value, out problem))
        {
            return false;
        }

        if (value > now.AddDays(MaxDaysAhead))
        {
            problem = $"'{field}' may be at most {MaxDaysAhead:N0} days ahead; '{Shown(text)}' is {(value - now).TotalDays:N0} days ahead.";
            return false;
        }

        due = value > now ? value : null;
        return true;
    }

    /// <summary>Reads an ISO 8601 UTC time ending in <c>Z</c> sent as <paramref name="field"/>; false with a problem naming the field otherwise.</summary>
    public static bool TryParseTime(string text, string field, out DateTimeOffset value, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        problem = null;
        value = default;
        if (!Form().IsMatch(text))
        {
            problem = $"'{field}' must be an ISO 8601 UTC time ending in Z, such as {Example} (no offset, a four-digit year); '{Shown(text)}' is not.";
            return false;
        }

        if (!DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value))
        {
            problem = $"'{field}' is not a date and time that exists: '{Shown(text)}'.";
            return false;
        }

        return true;
    }

    /// <summary>A time in the form this class reads, to the tick.</summary>
    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>What a refusal shows of a value sent: at most <see cref="MaxShownLength"/> characters.</summary>
    public static string Shown(string text) => text.Length > MaxShownLength ? string.Concat(text.AsSpan(0, MaxShownLength), "…") : text;

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,7})?Z\z", RegexOptions.CultureInvariant)]
    private static partial Regex Form();
}
