using System.Globalization;

namespace WhatsAppMedia.Core.Providers.Aws;

/// <summary>
/// Signs a request body the way the AWS SDK for .NET does for a REST-JSON POST such as <c>GetWhatsAppMessageMedia</c>:
/// the payload hash is the lowercase hex SHA-256 of the body bytes, sent as <c>x-amz-content-sha256</c>, and the
/// headers that describe the body (<c>content-length</c>, <c>content-type</c>) are signed with it, so neither the body
/// nor its framing can be changed on the way without breaking the signature.
/// </summary>
/// <remarks>
/// Source: aws/aws-sdk-net <c>sdk/src/Core/Amazon.Runtime/Internal/Auth/AWS4Signer.cs</c> (commit 09a53232):
/// <c>SetRequestBodyHash</c> hashes the payload bytes and adds <c>X-Amz-Content-SHA256</c> to the request's headers,
/// and <c>SortAndPruneHeaders</c> signs every header but <c>User-Agent</c>, <c>X-Amzn-Trace-Id</c>,
/// <c>Transfer-Encoding</c> and <c>amz-sdk-*</c>, so <c>Content-Type</c> and <c>Content-Length</c> are signed. The
/// awslabs aws-c-auth suite's signed-body cases (<c>post-x-www-form-urlencoded</c>, <c>…-parameters</c>) sign exactly
/// this set: <c>content-length;content-type;host;x-amz-content-sha256;x-amz-date</c>.
/// </remarks>
internal static class SigV4Body
{
    public const string ContentSha256Header = "x-amz-content-sha256";
    public const string ContentTypeHeader = "content-type";
    public const string ContentLengthHeader = "content-length";

    /// <summary>
    /// <paramref name="request"/> with <paramref name="body"/> attached: its payload hash, and <c>content-length</c>,
    /// <c>content-type</c> and <c>x-amz-content-sha256</c> added to the headers to sign. The caller must send exactly
    /// these bytes with exactly this <c>Content-Type</c> (HttpClient's <c>ByteArrayContent</c> sends the length itself).
    /// </summary>
    /// <exception cref="ArgumentException">The request already names one of those headers, or the content type is empty.</exception>
    public static SigV4Request Attach(SigV4Request request, ReadOnlySpan<byte> body, string contentType)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        foreach (var header in request.Headers)
        {
            if (header.Key.Equals(ContentSha256Header, StringComparison.OrdinalIgnoreCase)
                || header.Key.Equals(ContentTypeHeader, StringComparison.OrdinalIgnoreCase)
                || header.Key.Equals(ContentLengthHeader, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException("The body's own headers are set from the body; the request must not name them.", nameof(request));
            }
        }

        var payloadHash = SigV4Signer.HashHex(body);
        return request with
        {
            Headers =
            [
                .. request.Headers,
                new(ContentLengthHeader, body.Length.ToString(CultureInfo.InvariantCulture)),
                new(ContentTypeHeader, contentType),
                new(ContentSha256Header, payloadHash),
            ],
            PayloadHash = payloadHash,
        };
    }
}
