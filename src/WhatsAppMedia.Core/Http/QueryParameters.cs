using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using WhatsAppMedia.Core.Scheduling;

namespace WhatsAppMedia.Core.Http;

/// <summary>The query-string rules the read routes share (docs/api.md): a parameter at most once, a time in the form of <c>deleteAt</c>.</summary>
internal static class QueryParameters
{
    /// <summary>Why the query is refused when one of <paramref name="names"/> is given more than once; null when none is.</summary>
    public static string? Repeated(IQueryCollection query, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(query);
        var repeated = names.FirstOrDefault(name => query[name].Count > 1);
        return repeated is null ? null : $"Query parameter '{repeated}' may be given once.";
    }

    /// <summary>Reads <paramref name="name"/> as an ISO 8601 UTC time ending in <c>Z</c>; null when absent; false with a problem naming it.</summary>
    public static bool TryTime(IQueryCollection query, string name, out DateTimeOffset? time, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(query);
        time = null;
        problem = null;
        if (!query.TryGetValue(name, out var values))
        {
            return true;
        }

        if (!DeleteAt.TryParseTime(values.ToString(), name, out var parsed, out var invalid))
        {
            problem = "Query parameter " + invalid;
            return false;
        }

        time = parsed;
        return true;
    }
}
