namespace WhatsAppMedia.Core.Providers.Aws;

/// <summary>
/// One query parameter in its encoded form, exactly as it appears on the wire and in the canonical query string.
/// A client builds it from a plain value with <see cref="FromValue"/>; a server verifying a signature takes the
/// encoded text it received as is.
/// </summary>
/// <param name="EncodedName">The name, already percent-encoded.</param>
/// <param name="EncodedValue">The value, already percent-encoded; empty for <c>?name</c> or <c>?name=</c>.</param>
public readonly record struct SigV4QueryParameter(string EncodedName, string EncodedValue)
{
    public static SigV4QueryParameter FromValue(string name, string value) => new(AwsUriEncoding.Encode(name), AwsUriEncoding.Encode(value));

    /// <summary>
    /// Splits a query string as it is on the wire (with or without its leading <c>?</c>) into parameters, keeping each
    /// name and value exactly as written: a signature is over what was sent, not over a re-encoded copy.
    /// </summary>
    public static IReadOnlyList<SigV4QueryParameter> ParseWire(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                return equals < 0 ? new SigV4QueryParameter(pair, string.Empty) : new SigV4QueryParameter(pair[..equals], pair[(equals + 1)..]);
            })
            .ToList();
    }

    /// <summary>The <c>name=value</c> pair as it goes into a query string.</summary>
    public override string ToString() => EncodedName + "=" + EncodedValue;
}
