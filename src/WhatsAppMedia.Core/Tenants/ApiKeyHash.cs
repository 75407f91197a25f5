using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace WhatsAppMedia.Core.Tenants;

/// <summary>The <c>apiKeySha256</c> form of an API key: lowercase hex SHA-256 of its UTF-8 bytes.</summary>
public static class ApiKeyHash
{
    public const int HexLength = SHA256.HashSizeInBytes * 2;

    public static string Compute(string apiKey)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));
    }

    /// <summary>Whether <paramref name="value"/> is exactly 64 lowercase hex characters.</summary>
    public static bool IsWellFormed([NotNullWhen(true)] string? value) =>
        value is { Length: HexLength } && value.All(character => char.IsAsciiDigit(character) || character is >= 'a' and <= 'f');
}
