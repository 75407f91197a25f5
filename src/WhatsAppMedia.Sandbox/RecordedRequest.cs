namespace WhatsAppMedia.Sandbox;

/// <summary>A request exactly as the sandbox received it, for tests that check what went on the wire.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The raw path, still percent-encoded as sent.</param>
/// <param name="Query">The raw query string including the leading <c>?</c>, or empty.</param>
/// <param name="Headers">Every header, names lowercased, multiple values joined with <c>,</c>.</param>
/// <param name="Body">The body as UTF-8 text, or empty.</param>
/// <param name="ReceivedAt">When the sandbox received it, by the sandbox's <see cref="TimeProvider"/>.</param>
/// <param name="HeaderLines">How many times each header (name lowercased) was sent, before the values were joined.</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset ReceivedAt,
    IReadOnlyDictionary<string, int>? HeaderLines = null)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;

    /// <summary>How many lines of header <paramref name="name"/> the request carried: 0 when it had none.</summary>
    public int HeaderCount(string name) =>
        HeaderLines is not null
            ? HeaderLines.GetValueOrDefault(name.ToLowerInvariant())
            : Headers.ContainsKey(name.ToLowerInvariant()) ? 1 : 0;
}
