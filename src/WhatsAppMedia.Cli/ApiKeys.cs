using System.Buffers.Text;
using System.Security.Cryptography;

namespace WhatsAppMedia.Cli;

/// <summary>Makes callers' API keys: 32 random bytes from the OS CSPRNG, base64url without padding (43 characters).</summary>
public static class ApiKeys
{
    public const int ByteLength = 32;

    public static string Generate() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(ByteLength));
}
