using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WhatsAppMedia.Core.Providers.Aws;

/// <summary>
/// AWS Signature Version 4, header form (<c>Authorization: AWS4-HMAC-SHA256 …</c>), written here because the AWS SDK
/// package for the service does not restore from our package source. Checked against the awslabs aws-c-auth vectors.
/// The sandbox verifies with the same code, so the pieces a verifier needs are public; <see cref="Sign"/> itself is Core's.
/// </summary>
public static class SigV4Signer
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The lowercase hex SHA-256 of an empty body.</summary>
    public const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public const string HostHeader = "host";
    public const string DateHeader = "x-amz-date";
    public const string SecurityTokenHeader = "x-amz-security-token";

    private const string AmzDateFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>
    /// Signs <paramref name="request"/> at <paramref name="time"/>: signs <c>host</c>, <c>x-amz-date</c>,
    /// <c>x-amz-security-token</c> when the credentials have a session token, and the request's own headers.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The request names a header the signer sets itself, a header cannot be signed, the access key id or the scope is malformed.
    /// </exception>
    internal static SigV4Signature Sign(SigV4Request request, SigV4Credentials credentials, string region, string service, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        CheckAccessKeyId(credentials.AccessKeyId);
        ArgumentException.ThrowIfNullOrEmpty(credentials.SecretAccessKey, nameof(credentials));
        ArgumentException.ThrowIfNullOrEmpty(request.Host, nameof(request));

        var amzDate = FormatAmzDate(time);
        var scope = new SigV4Scope(amzDate[..8], region, service);
        var headers = new List<KeyValuePair<string, string>>(request.Headers.Count + 3)
        {
            new(HostHeader, request.Host),
            new(DateHeader, amzDate),
        };
        if (credentials.SessionToken is { } token)
        {
            ArgumentException.ThrowIfNullOrEmpty(token, nameof(credentials));
            headers.Add(new(SecurityTokenHeader, token));
        }

        foreach (var header in request.Headers)
        {
            if (header.Key.Equals(HostHeader, StringComparison.OrdinalIgnoreCase)
                || header.Key.Equals(DateHeader, StringComparison.OrdinalIgnoreCase)
                || header.Key.Equals(SecurityTokenHeader, StringComparison.OrdinalIgnoreCase)
                || header.Key.Equals("authorization", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException("The signer sets host, x-amz-date, x-amz-security-token and authorization itself.", nameof(request));
            }

            headers.Add(header);
        }

        var canonicalRequest = SigV4CanonicalRequest.Create(request.Method, request.Path, request.Query, headers, request.PayloadHash);
        var stringToSign = StringToSign(amzDate, scope, canonicalRequest);
        var signature = ComputeSignature(credentials.SecretAccessKey, scope, stringToSign);
        var authorization = $"{Algorithm} Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={canonicalRequest.SignedHeaders}, Signature={signature}";
        return new SigV4Signature(amzDate, authorization, canonicalRequest, stringToSign, signature);
    }

    public static string StringToSign(string amzDate, SigV4Scope scope, SigV4CanonicalRequest canonicalRequest)
    {
        ArgumentException.ThrowIfNullOrEmpty(amzDate);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(canonicalRequest);
        return $"{Algorithm}\n{amzDate}\n{scope}\n{HashHex(Encoding.UTF8.GetBytes(canonicalRequest.Text))}";
    }

    /// <summary>The lowercase hex HMAC-SHA256 of <paramref name="stringToSign"/> under the key derived for <paramref name="scope"/>.</summary>
    public static string ComputeSignature(string secretAccessKey, SigV4Scope scope, string stringToSign)
    {
        ArgumentNullException.ThrowIfNull(stringToSign);
        var signingKey = DeriveSigningKey(secretAccessKey, scope);
        try
        {
            return Convert.ToHexStringLower(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign)));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(signingKey);
        }
    }

    /// <summary><c>HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")</c>.</summary>
    public static byte[] DeriveSigningKey(string secretAccessKey, SigV4Scope scope)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretAccessKey);
        ArgumentNullException.ThrowIfNull(scope);
        var key = Encoding.UTF8.GetBytes("AWS4" + secretAccessKey);
        foreach (var part in (ReadOnlySpan<string>)[scope.Date, scope.Region, scope.Service, SigV4Scope.Terminator])
        {
            var next = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
            CryptographicOperations.ZeroMemory(key);
            key = next;
        }

        return key;
    }

    public static string HashHex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    public static string FormatAmzDate(DateTimeOffset time) => time.UtcDateTime.ToString(AmzDateFormat, CultureInfo.InvariantCulture);

    public static bool TryParseAmzDate(string? value, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(value, AmzDateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    /// <summary>An access key id goes verbatim into the <c>Authorization</c> header, so only letters and digits pass.</summary>
    private static void CheckAccessKeyId(string accessKeyId)
    {
        if (string.IsNullOrEmpty(accessKeyId) || accessKeyId.Length > 128 || !accessKeyId.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException("The access key id must be 1–128 letters or digits.", nameof(accessKeyId));
        }
    }
}
