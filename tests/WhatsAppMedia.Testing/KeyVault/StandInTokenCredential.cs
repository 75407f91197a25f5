using Azure.Core;
using Azure.Identity;

namespace WhatsAppMedia.Testing.KeyVault;

/// <summary>
/// The test side of the Key Vault challenge flow: issues the one token the stand-in accepts, and only for the scope
/// the stand-in's challenge names, so a client that skipped or misread the challenge fails as it would against Azure.
/// </summary>
public sealed class StandInTokenCredential(string token, string expectedScope) : TokenCredential
{
    // A fixed date rather than "now + 1 hour": the token must not expire during a test, and nothing reads the clock.
    private static readonly DateTimeOffset ExpiresOn = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private int _tokensIssued;

    /// <summary>How many tokens were asked for: once per client, after its first challenge.</summary>
    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        if (requestContext.Scopes is not [var scope] || !string.Equals(scope, expectedScope, StringComparison.Ordinal))
        {
            throw new AuthenticationFailedException($"The stand-in issues tokens for '{expectedScope}' only.");
        }

        Interlocked.Increment(ref _tokensIssued);
        return new AccessToken(token, ExpiresOn);
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
