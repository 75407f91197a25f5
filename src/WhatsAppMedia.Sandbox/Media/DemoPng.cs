using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace WhatsAppMedia.Sandbox.Media;

/// <summary>
/// A small real PNG (RFC 2083 / PNG 3rd edition): signature, IHDR, one IDAT compressed with zlib, IEND, each chunk
/// with its CRC-32. Demo media carry it, so <c>curl …/content &gt; x.png</c> gives a file an image viewer opens.
/// </summary>
internal static class DemoPng
{
    public const string MimeType = "image/png";

    /// <summary>Width and height in pixels.</summary>
    public const int Size = 64;

    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>A <see cref="Size"/>×<see cref="Size"/> 8-bit RGB gradient; <paramref name="tint"/> varies its blue channel, so demo media differ.</summary>
    public static byte[] Create(byte tint = 0)
    {
        using var png = new MemoryStream();
        png.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, Size);
        BinaryPrimitives.WriteUInt32BigEndian(header[4..], Size);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: truecolour (RGB)
        header[10] = 0; // compression: deflate
        header[11] = 0; // filter method 0
        header[12] = 0; // no interlace
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", CompressedScanlines(tint));
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static byte[] CompressedScanlines(byte tint)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var row = new byte[1 + (Size * 3)];
            for (var y = 0; y < Size; y++)
            {
                row[0] = 0; // filter type None
                for (var x = 0; x < Size; x++)
                {
                    row[1 + (x * 3)] = (byte)(x * 4);
                    row[2 + (x * 3)] = (byte)(y * 4);
                    row[3 + (x * 3)] = tint;
                }

                zlib.Write(row);
            }
        }

        return compressed.ToArray();
    }

    private static void WriteChunk(Stream png, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        png.Write(length);

        // The CRC covers the chunk type and data, not the length.
        var typeBytes = Encoding.ASCII.GetBytes(type);
        var crc = new Crc32();
        crc.Append(typeBytes);
        crc.Append(data);
        png.Write(typeBytes);
        png.Write(data);
        Span<byte> checksum = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(checksum, crc.GetCurrentHashAsUInt32());
        png.Write(checksum);
    }
}
