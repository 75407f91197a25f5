using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using WhatsAppMedia.Core.Http;

namespace WhatsAppMedia.Core.Receipts;

/// <summary>
/// The query of <c>GET …/receipts</c> (docs/receipts.md, "Export"): <c>from</c> and <c>to</c> (ISO 8601 UTC ending in
/// <c>Z</c>, completion time, <c>to</c> exclusive), <c>mediaId</c>, <c>limit</c> (1 to 5,000, default 1,000) and the
/// <c>continuationToken</c> of the page before.
/// </summary>
internal sealed record ReceiptExportQuery(DateTimeOffset? From, DateTimeOffset? To, string? MediaId, int Limit, long After)
{
    public const int DefaultLimit = 1000;
    public const int MaxLimit = 5000;

    /// <summary>Longer than any provider's media id; bounds what a query may carry.</summary>
    private const int MaxMediaIdLength = 256;

    public static bool TryRead(IQueryCollection query, [NotNullWhen(true)] out ReceiptExportQuery? read, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(query);
        read = null;
        if (QueryParameters.Repeated(query, query.Keys) is { } repeated)
        {
            problem = repeated;
            return false;
        }

        if (!QueryParameters.TryTime(query, "from", out var from, out var invalidTime) || !QueryParameters.TryTime(query, "to", out var to, out invalidTime))
        {
            problem = invalidTime;
            return false;
        }

        if (from is { } start && to is { } end && end <= start)
        {
            problem = "Query parameter 'to' must be after 'from'.";
            return false;
        }

        string? mediaId = query.TryGetValue("mediaId", out var mediaValues) ? mediaValues.ToString() : null;
        if (mediaId is not null && (mediaId.Length == 0 || mediaId.Length > MaxMediaIdLength))
        {
            problem = $"Query parameter 'mediaId' must be 1 to {MaxMediaIdLength} characters.";
            return false;
        }

        var limit = DefaultLimit;
        if (query.TryGetValue("limit", out var limitValues)
            && (!int.TryParse(limitValues.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            problem = $"Query parameter 'limit' must be a whole number from 1 to {MaxLimit:N0}.";
            return false;
        }

        long after = 0;
        if (query.TryGetValue("continuationToken", out var tokenValues)
            && (!long.TryParse(tokenValues.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out after) || after < 1))
        {
            problem = "Query parameter 'continuationToken' must be the X-Continuation-Token of the page before, as the service gave it.";
            return false;
        }

        read = new ReceiptExportQuery(from, to, mediaId, limit, after);
        problem = null;
        return true;
    }
}
