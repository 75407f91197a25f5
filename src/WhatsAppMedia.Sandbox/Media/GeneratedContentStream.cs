using System.Buffers.Binary;

namespace WhatsAppMedia.Sandbox.Media;

/// <summary>
/// A read-only stream of <see cref="Length"/> bytes made up while it is read: each 8-byte block is SplitMix64 of the
/// seed plus the block's index, so any position's bytes are known without the bytes before it and nothing is held
/// in memory. The sandbox runs inside the local host, whose memory the download benchmark measures: a 100 MB file
/// must cost the sandbox a read buffer, not 100 MB.
/// </summary>
internal sealed class GeneratedContentStream(long length, ulong seed) : Stream
{
    private const int BlockSize = sizeof(ulong);

    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length { get; } = length >= 0 ? length : throw new ArgumentOutOfRangeException(nameof(length));

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, Math.Max(0, Length - _position));
        Span<byte> block = stackalloc byte[BlockSize];
        var written = 0;
        while (written < count)
        {
            var position = _position + written;
            BinaryPrimitives.WriteUInt64LittleEndian(block, SplitMix64(seed + (ulong)(position / BlockSize)));
            var inBlock = (int)(position % BlockSize);
            var take = Math.Min(BlockSize - inBlock, count - written);
            block.Slice(inBlock, take).CopyTo(buffer[written..]);
            written += take;
        }

        _position += written;
        return written;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        SeekOrigin.End => Length + offset,
        _ => throw new ArgumentOutOfRangeException(nameof(origin)),
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    // Steele, Lea and Flood's SplitMix64 finaliser: cheap, and neighbouring indexes give unrelated blocks.
    private static ulong SplitMix64(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
