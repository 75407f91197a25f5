using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using WhatsAppMedia.Core.Providers.Aws;

namespace WhatsAppMedia.Sandbox.Aws;

/// <summary>
/// Checks a request's SigV4 signature the way AWS does: recomputes it from the secret the sandbox holds for the
/// access key, over the path and query exactly as they arrived (prefix included) and the body actually received.
/// The canonical request and the signature come from the core's SigV4 code, which the aws-c-auth vectors check,
/// rather than from a second copy that could drift from it; what the sandbox adds on its own is the wire side: the
/// raw target, the header values and the body as they arrived, so a client that signs one thing and sends another
/// is caught.
/// </summary>
internal sealed class AwsSignatureVerifier(SandboxProviderState state, TimeProvider timeProvider)
{
    public const string SigningName = "social-messaging";

    /// <summary>How far X-Amz-Date may be from the sandbox clock, either way, as AWS allows.</summary>
    public static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(5);

    /// <summary>A key starting with this prefix is temporary and must come with its session token.</summary>
    private const string TemporaryKeyPrefix = "ASIA";

    /// <summary>The header in which a client may declare the body's SHA-256 (lowercase hex), which AWS then checks.</summary>
    private const string ContentHashHeader = "x-amz-content-sha256";

    private const string SignatureMismatch =
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    /// <summary>Returns the error AWS would answer with, or null when the signature holds.</summary>
    public async Task<AwsError?> VerifyAsync(HttpRequest request)
    {
        var authorizationValues = request.Headers.Authorization;
        if (authorizationValues.Count == 0)
        {
            return AwsError.MissingAuthenticationToken();
        }

        if (authorizationValues.Count > 1 || !AwsAuthorizationHeader.TryParse(authorizationValues[0], out var authorization))
        {
            return AwsError.IncompleteSignature("Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' in AWS4-HMAC-SHA256 form.");
        }

        var amzDate = request.Headers["X-Amz-Date"];
        if (amzDate.Count != 1 || !SigV4Signer.TryParseAmzDate(amzDate[0], out var signedAt))
        {
            return AwsError.IncompleteSignature("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }

        if (!authorization.SignedHeaders.Contains(SigV4Signer.HostHeader) || !authorization.SignedHeaders.Contains(SigV4Signer.DateHeader))
        {
            return AwsError.IncompleteSignature("'Host' and 'X-Amz-Date' must be signed headers in the AWS Authorization.");
        }

        if ((ScopeProblem(authorization.Scope, amzDate[0]!) ?? SkewProblem(signedAt, amzDate[0]!)) is { } scopeOrTime)
        {
            return scopeOrTime;
        }

        if (!state.TryGetCredentialSecret(authorization.AccessKeyId, out var secret) || secret.Length == 0 || !HasExpectedSessionToken(request, authorization.AccessKeyId))
        {
            return AwsError.UnrecognizedClient();
        }

        // The payload hash is always that of the body received; a client that declares another in x-amz-content-sha256
        // signed one body and sent another.
        var bodyHash = await BodyHashAsync(request);
        var declaredHash = request.Headers[ContentHashHeader];
        if (declaredHash.Count > 0 && (declaredHash.Count > 1 || declaredHash[0] != bodyHash))
        {
            return AwsError.InvalidSignature("The provided 'x-amz-content-sha256' header does not match what was computed.");
        }

        SigV4CanonicalRequest canonicalRequest;
        try
        {
            var target = RawRequestTarget.Of(request.HttpContext);
            canonicalRequest = SigV4CanonicalRequest.Create(
                request.Method, target.Path, SigV4QueryParameter.ParseWire(target.Query), SignedHeaderValues(request, authorization), bodyHash);
        }
        catch (ArgumentException)
        {
            return AwsError.IncompleteSignature("A signed header cannot be canonicalised.");
        }

        var expected = SigV4Signer.ComputeSignature(secret, authorization.Scope, SigV4Signer.StringToSign(amzDate[0]!, authorization.Scope, canonicalRequest));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(authorization.Signature))
            ? null
            : AwsError.InvalidSignature(SignatureMismatch);
    }

    private static AwsError? ScopeProblem(SigV4Scope scope, string amzDate)
    {
        if (scope.Date != amzDate[..8])
        {
            return AwsError.InvalidSignature("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP.");
        }

        if (scope.Service != SigningName)
        {
            return AwsError.InvalidSignature($"Credential should be scoped to correct service: '{SigningName}'.");
        }

        return AwsIdentifiers.IsRegion(scope.Region) ? null : AwsError.InvalidSignature("Credential should be scoped to a valid region.");
    }

    private AwsError? SkewProblem(DateTimeOffset signedAt, string amzDate)
    {
        var now = timeProvider.GetUtcNow();
        if (signedAt < now - AllowedSkew)
        {
            return AwsError.InvalidSignature(
                $"Signature expired: {amzDate} is now earlier than {SigV4Signer.FormatAmzDate(now - AllowedSkew)} ({SigV4Signer.FormatAmzDate(now)} - 5 min.)");
        }

        return signedAt > now + AllowedSkew
            ? AwsError.InvalidSignature(
                $"Signature not yet current: {amzDate} is still later than {SigV4Signer.FormatAmzDate(now + AllowedSkew)} ({SigV4Signer.FormatAmzDate(now)} + 5 min.)")
            : null;
    }

    /// <summary>
    /// A temporary key is only good with the session token it was issued with; a long-term key must not carry one.
    /// AWS refuses both mistakes as an invalid security token.
    /// </summary>
    private static bool HasExpectedSessionToken(HttpRequest request, string accessKeyId)
    {
        var token = request.Headers["X-Amz-Security-Token"];
        if (!accessKeyId.StartsWith(TemporaryKeyPrefix, StringComparison.Ordinal))
        {
            return token.Count == 0;
        }

        return token.Count == 1
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token[0] ?? string.Empty), Encoding.UTF8.GetBytes(SandboxAccounts.Aws.SessionToken));
    }

    private static List<KeyValuePair<string, string>> SignedHeaderValues(HttpRequest request, AwsAuthorizationHeader authorization) =>
        authorization.SignedHeaders
            .SelectMany(name => request.Headers.TryGetValue(name, out var values) && values.Count > 0
                ? values.Select(value => new KeyValuePair<string, string>(name, value ?? string.Empty))
                : [new KeyValuePair<string, string>(name, string.Empty)])
            .ToList();

    private static async Task<string> BodyHashAsync(HttpRequest request)
    {
        request.EnableBuffering();
        request.Body.Position = 0;
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return SigV4Signer.HashHex(body.GetBuffer().AsSpan(0, (int)body.Length));
    }
}
