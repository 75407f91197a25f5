namespace WhatsAppMedia.Core.Providers.Aws;

/// <summary>The parts of an HTTP request that SigV4 signs, as they will go on the wire.</summary>
/// <param name="Method">The HTTP method, uppercase.</param>
/// <param name="Host">The <c>Host</c> header: the host, with <c>:port</c> when the port is not the scheme's default.</param>
/// <param name="Path">The path as it goes on the wire.</param>
/// <param name="Query">The query parameters as they go on the wire.</param>
/// <param name="Headers">
/// Headers to sign besides <c>host</c>, <c>x-amz-date</c> and <c>x-amz-security-token</c>, which the signer adds itself.
/// </param>
/// <param name="PayloadHash">The lowercase hex SHA-256 of the body; by default that of an empty body.</param>
internal sealed record SigV4Request(
    string Method,
    string Host,
    string Path,
    IReadOnlyList<SigV4QueryParameter> Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string PayloadHash = SigV4Signer.EmptyPayloadHash);
