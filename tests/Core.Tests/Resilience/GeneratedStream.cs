namespace AwsCore.Tests.Resilience;

/// <summary>
/// A seekable read-only stream of <see cref="Length"/> bytes computed from their position, so gigabytes can be uploaded
/// without being held anywhere. <see cref="ByteAt"/> gives the same bytes to check a download against.
/// </summary>
internal sealed class GeneratedStream : Stream
{
    private long _position;

    public GeneratedStream(long length) => Length = length;

    public static byte ByteAt(long position) => unchecked((byte)(position * 31 + (position >> 11)));

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length { get; }

    public override long Position
    {
        get => _position;
        set => _position = value is < 0 ? throw new ArgumentOutOfRangeException(nameof(value)) : value;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Max(0, Math.Min(count, Length - _position));
        for (var i = 0; i < n; i++) buffer[offset + i] = ByteAt(_position + i);
        _position += n;
        return n;
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => Length + offset,
    };

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
