using System.Diagnostics.CodeAnalysis;
using WhatsAppMedia.Core.Providers.Aws;

namespace WhatsAppMedia.Sandbox.Aws;

/// <summary>
/// A parsed <c>Authorization: AWS4-HMAC-SHA256 Credential={key}/{scope}, SignedHeaders={names}, Signature={hex}</c>.
/// </summary>
internal sealed record AwsAuthorizationHeader(string AccessKeyId, SigV4Scope Scope, IReadOnlyList<string> SignedHeaders, string Signature)
{
    public static bool TryParse(string? value, [NotNullWhen(true)] out AwsAuthorizationHeader? header)
    {
        header = null;
        var prefix = SigV4Signer.Algorithm + " ";
        if (value is null || !value.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in value[prefix.Length..].Split(',', StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !parts.TryAdd(part[..equals], part[(equals + 1)..]))
            {
                return false;
            }
        }

        if (parts.Count != 3
            || !parts.TryGetValue("Credential", out var credential)
            || !parts.TryGetValue("SignedHeaders", out var signedHeaders)
            || !parts.TryGetValue("Signature", out var signature)
            || signature.Length != 64
            || !signature.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            return false;
        }

        var credentialParts = credential.Split('/');
        if (credentialParts is not [{ Length: > 0 } accessKeyId, var date, var region, var service, SigV4Scope.Terminator])
        {
            return false;
        }

        SigV4Scope scope;
        try
        {
            scope = new SigV4Scope(date, region, service);
        }
        catch (ArgumentException)
        {
            return false;
        }

        var names = signedHeaders.Split(';');
        if (names.Any(name => name.Length == 0 || name.Any(char.IsAsciiLetterUpper)))
        {
            return false;
        }

        header = new AwsAuthorizationHeader(accessKeyId, scope, names, signature);
        return true;
    }
}
