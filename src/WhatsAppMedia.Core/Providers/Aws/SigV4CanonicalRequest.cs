using System.Text;

namespace WhatsAppMedia.Core.Providers.Aws;

/// <summary>
/// The canonical request of SigV4 (method, canonical URI, canonical query, canonical headers, signed headers,
/// payload hash, one per line) and the signed-headers list that goes into the <c>Authorization</c> header.
/// Built the same way by the client that signs and by the sandbox that verifies.
/// </summary>
/// <param name="Text">The canonical request, lines joined with <c>\n</c>.</param>
/// <param name="SignedHeaders">The lowercase names of the signed headers, sorted, joined with <c>;</c>.</param>
public sealed record SigV4CanonicalRequest(string Text, string SignedHeaders)
{
    /// <param name="method">The HTTP method, uppercase.</param>
    /// <param name="path">The request path as it goes on the wire.</param>
    /// <param name="query">The query parameters as they go on the wire, in any order.</param>
    /// <param name="headers">Every header to sign, names in any case; a name given more than once has its values joined in order.</param>
    /// <param name="payloadHash">The lowercase hex SHA-256 of the body.</param>
    /// <exception cref="ArgumentException">A header name is not an HTTP token, or a header value holds a control character.</exception>
    public static SigV4CanonicalRequest Create(
        string method,
        string path,
        IEnumerable<SigV4QueryParameter> query,
        IEnumerable<KeyValuePair<string, string>> headers,
        string payloadHash)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentException.ThrowIfNullOrEmpty(payloadHash);

        var canonicalHeaders = CanonicalHeaders(headers);
        var signedHeaders = string.Join(';', canonicalHeaders.Keys);
        var text = new StringBuilder()
            .Append(method).Append('\n')
            .Append(SigV4CanonicalUri.FromPath(path)).Append('\n')
            .Append(CanonicalQuery(query)).Append('\n');
        foreach (var (name, value) in canonicalHeaders)
        {
            text.Append(name).Append(':').Append(value).Append('\n');
        }

        text.Append('\n').Append(signedHeaders).Append('\n').Append(payloadHash);
        return new SigV4CanonicalRequest(text.ToString(), signedHeaders);
    }

    /// <summary>Leaves out <see cref="Text"/>: it holds the session token when one is signed.</summary>
    public override string ToString() => $"SigV4CanonicalRequest {{ SignedHeaders = {SignedHeaders} }}";

    private static string CanonicalQuery(IEnumerable<SigV4QueryParameter> query) =>
        string.Join('&', query
            .OrderBy(parameter => parameter.EncodedName, StringComparer.Ordinal)
            .ThenBy(parameter => parameter.EncodedValue, StringComparer.Ordinal)
            .Select(parameter => parameter.ToString()));

    private static SortedDictionary<string, string> CanonicalHeaders(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var canonical = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            var lowerName = CheckedName(name);
            var trimmed = TrimAll(value);
            canonical[lowerName] = canonical.TryGetValue(lowerName, out var earlier) ? earlier + "," + trimmed : trimmed;
        }

        return canonical;
    }

    private static string CheckedName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!name.All(IsTokenChar))
        {
            throw new ArgumentException("A header name to sign must be an HTTP token.", nameof(name));
        }

        return name.ToLowerInvariant();
    }

    /// <summary>
    /// Trims the value and folds runs of spaces into one. A line break is refused rather than folded: in a signed
    /// value it could forge a line of the canonical request, and HTTP/1.1 no longer allows folded header lines.
    /// </summary>
    private static string TrimAll(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value.AsSpan().Trim(" \t"))
        {
            if (c is ' ' or '\t')
            {
                pendingSpace = true;
                continue;
            }

            if (char.IsControl(c))
            {
                throw new ArgumentException("A header value to sign must not hold control characters or line breaks.", nameof(value));
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
}
