using System.Text;
using System.Text.Json;
using Azure.Core;

namespace WhatsAppMedia.Core.Tests.Queues;

/// <summary>
/// A token credential that issues an unsigned JWT with the given audience and issuer, valid around the time
/// provider's now, and keeps the scopes it was asked for. Azurite's <c>--oauth basic</c> checks exactly those claims.
/// </summary>
internal sealed class RecordingTokenCredential(TimeProvider timeProvider, string audience = "https://storage.azure.com", string issuer = "https://sts.windows.net/00000000-0000-0000-0000-000000000001/")
    : TokenCredential
{
    private readonly List<string[]> _requestedScopes = [];

    public IReadOnlyList<string[]> RequestedScopes => _requestedScopes;

    public string? LastToken { get; private set; }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (_requestedScopes)
        {
            _requestedScopes.Add(requestContext.Scopes);
        }

        var now = timeProvider.GetUtcNow();
        var expires = now.AddHours(1);
        var header = Encode(new { alg = "none", typ = "JWT" });
        var payload = Encode(new
        {
            aud = audience,
            iss = issuer,
            iat = now.AddMinutes(-5).ToUnixTimeSeconds(),
            nbf = now.AddMinutes(-5).ToUnixTimeSeconds(),
            exp = expires.ToUnixTimeSeconds(),
            oid = "11111111-1111-1111-1111-111111111111",
        });
        LastToken = $"{header}.{payload}.c2lnbmF0dXJl";
        return new AccessToken(LastToken, expires);
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));

    private static string Encode(object value) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
