using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace WhatsAppMedia.Core.Scheduling;

/// <summary>
/// A tenant's <c>retention.deleteAfter</c> (docs/scheduling.md, "Retention"): an ISO 8601 duration of weeks, days, hours,
/// minutes and seconds in whole numbers (<c>P7D</c>, <c>PT12H</c>, <c>P1W</c>, <c>P1DT6H</c>), more than zero and at
/// most <see cref="DeleteAt.MaxDaysAhead"/> days. Years and months are refused: they have no fixed length.
/// </summary>
public static partial class RetentionPeriod
{
    /// <summary>Reads <paramref name="text"/>: the duration, or null and what is wrong with it (a sentence fragment, for example "must be …").</summary>
    public static TimeSpan? TryParse(string? text, out string? problem)
    {
        problem = null;
        var match = text is null ? null : Form().Match(text);
        if (match is null || !match.Success || match.Length == 1 || text!.EndsWith('T'))
        {
            problem = text is not null && YearsOrMonths().IsMatch(text)
                ? "must not use years or months, which have no fixed length: write days instead, such as P30D or P365D"
                : "must be an ISO 8601 duration in whole weeks, days, hours, minutes or seconds, such as P7D, PT12H or P1DT6H";
            return null;
        }

        double Part(string name) => match.Groups[name].Success ? double.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        var seconds = (Part("w") * 7 * 86400) + (Part("d") * 86400) + (Part("h") * 3600) + (Part("m") * 60) + Part("s");
        if (seconds <= 0)
        {
            problem = "must be longer than zero";
            return null;
        }

        if (seconds > DeleteAt.MaxDaysAhead * 86400d)
        {
            problem = $"must be at most {DeleteAt.MaxDaysAhead} days (P{DeleteAt.MaxDaysAhead}D)";
            return null;
        }

        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>The duration as the tenant document stores it: days, hours, minutes and seconds, each only when not zero (P7D, PT12H, P1DT6H).</summary>
    public static string Format(TimeSpan period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        var text = new StringBuilder("P");
        if (period.Days > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{period.Days}D");
        }

        if (period.Hours > 0 || period.Minutes > 0 || period.Seconds > 0)
        {
            text.Append('T');
            text.Append(period.Hours > 0 ? string.Create(CultureInfo.InvariantCulture, $"{period.Hours}H") : string.Empty);
            text.Append(period.Minutes > 0 ? string.Create(CultureInfo.InvariantCulture, $"{period.Minutes}M") : string.Empty);
            text.Append(period.Seconds > 0 ? string.Create(CultureInfo.InvariantCulture, $"{period.Seconds}S") : string.Empty);
        }

        return text.ToString();
    }

    // At most 7 digits per part: enough for 3,650 days in seconds, and no number that overflows.
    [GeneratedRegex(@"^P(?:(?<w>[0-9]{1,7})W)?(?:(?<d>[0-9]{1,7})D)?(?:T(?:(?<h>[0-9]{1,7})H)?(?:(?<m>[0-9]{1,7})M)?(?:(?<s>[0-9]{1,7})S)?)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Form();

    [GeneratedRegex(@"^P[0-9]+[YM]", RegexOptions.CultureInvariant)]
    private static partial Regex YearsOrMonths();
}
