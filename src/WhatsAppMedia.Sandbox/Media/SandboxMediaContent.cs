using System.Security.Cryptography;

namespace WhatsAppMedia.Sandbox.Media;

/// <summary>
/// The bytes of one sandbox media object and what a provider declares about them: MIME type, size in bytes and the
/// lowercase hex SHA-256, computed once when the content is made. The bytes are either a small array (demo media) or
/// generated while they are read (<see cref="Generated"/>), so a 100 MB file is never held in memory.
/// </summary>
public sealed class SandboxMediaContent
{
    /// <summary>The largest generated file: ten times WhatsApp's largest media (100 MB documents), enough to test size limits.</summary>
    public const long MaxGeneratedLength = 1L << 30;

    private readonly Func<Stream> _open;

    private SandboxMediaContent(string mimeType, long length, string sha256, Func<Stream> open)
    {
        MimeType = mimeType;
        Length = length;
        Sha256 = sha256;
        _open = open;
    }

    /// <summary>The MIME type the provider declares, for example <c>image/png</c>.</summary>
    public string MimeType { get; }

    /// <summary>The size in bytes.</summary>
    public long Length { get; }

    /// <summary>The SHA-256 of the bytes, 64 lowercase hex characters.</summary>
    public string Sha256 { get; }

    /// <summary>The small real PNG demo media carry (<see cref="DemoPng"/>).</summary>
    public static SandboxMediaContent DemoImage { get; } = FromBytes(DemoPng.Create(), DemoPng.MimeType);

    /// <summary>Content held as <paramref name="bytes"/> (not copied: the caller must not change them).</summary>
    public static SandboxMediaContent FromBytes(byte[] bytes, string mimeType)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentException.ThrowIfNullOrEmpty(mimeType);
        return new SandboxMediaContent(mimeType, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), () => new MemoryStream(bytes, writable: false));
    }

    /// <summary>
    /// <paramref name="length"/> bytes of a deterministic pattern from <paramref name="seed"/>, generated on every read;
    /// the SHA-256 is computed here by streaming them once (about a second per few hundred MB).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative or over <see cref="MaxGeneratedLength"/>.</exception>
    public static SandboxMediaContent Generated(long length, string mimeType, ulong seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MaxGeneratedLength);
        ArgumentException.ThrowIfNullOrEmpty(mimeType);
        using var stream = new GeneratedContentStream(length, seed);
        return new SandboxMediaContent(mimeType, length, Convert.ToHexStringLower(SHA256.HashData(stream)), () => new GeneratedContentStream(length, seed));
    }

    /// <summary>A fresh read-only stream over the bytes, positioned at the start.</summary>
    public Stream OpenRead() => _open();
}
