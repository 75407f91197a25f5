using System.Text;

namespace WhatsAppMedia.Core.Tests.Support;

/// <summary>
/// A body that never ends: <c>prefix</c>, then <c>filler</c> forever. Counts what the reader took, so a test can
/// prove a reader stopped at its cap instead of trusting that it did.
/// </summary>
public sealed class EndlessStream(string prefix, byte filler = (byte)' ') : Stream
{
    private readonly byte[] _prefix = Encoding.UTF8.GetBytes(prefix);

    /// <summary>Bytes handed out so far.</summary>
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length && BytesRead < _prefix.Length)
        {
            buffer[written++] = _prefix[BytesRead++];
        }

        buffer[written..].Fill(filler);
        BytesRead += buffer.Length - written;
        return buffer.Length;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
