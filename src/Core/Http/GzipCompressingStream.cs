using System.IO.Compression;

namespace AwsCore.Http;

/// <summary>
/// Reads a source stream and yields it gzip-compressed, compressing as the caller reads: at most one input block and
/// its compressed output are held at a time, never the whole body. The compressed length is not known in advance, so
/// the stream does not seek (HttpClient would ask it for a length); <see cref="Rewind"/> starts it over for a retry
/// when the source can seek.
/// </summary>
internal sealed class GzipCompressingStream : Stream, IRewindableStream
{
    private const int BlockSize = 64 * 1024;

    private readonly Stream _source;
    private readonly long _sourceStart;
    private readonly byte[] _input = new byte[BlockSize];
    private readonly MemoryStream _output = new();
    private GZipStream _gzip = null!;
    private int _outputRead;
    private bool _finished;
    private long _position;

    public GzipCompressingStream(Stream source)
    {
        if (!source.CanRead) throw new ArgumentException("the body stream cannot be read", nameof(source));
        _source = source;
        _sourceStart = source.CanSeek ? source.Position : 0;
        Reset();
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;

    public bool CanRewind => _source.CanSeek;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException("the compressed length of a stream is not known before it is read");

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException("a compressed body cannot seek; Rewind() starts it over");
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("a compressed body cannot seek; Rewind() starts it over");

    public void Rewind()
    {
        if (!_source.CanSeek) throw new NotSupportedException("the compressed body cannot start over: its source cannot seek");
        _source.Position = _sourceStart;
        _gzip.Dispose();
        Reset();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        while (Available == 0 && !_finished) Compress(_source.Read(_input, 0, _input.Length));
        return CopyOut(buffer, offset, count);
    }

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        while (Available == 0 && !_finished)
            Compress(await _source.ReadAsync(_input, 0, _input.Length, cancellationToken).ConfigureAwait(false));
        return CopyOut(buffer, offset, count);
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
            _source.Dispose();
        }
        base.Dispose(disposing);
    }

    private int Available => (int)_output.Length - _outputRead;

    private void Reset()
    {
        _output.SetLength(0);
        _outputRead = 0;
        _finished = false;
        _position = 0;
        _gzip = new GZipStream(_output, CompressionLevel.Optimal, leaveOpen: true);
    }

    private void Compress(int read)
    {
        _output.SetLength(0);
        _outputRead = 0;
        if (read > 0)
        {
            _gzip.Write(_input, 0, read);
            return;
        }
        _gzip.Dispose(); // writes the last block and the gzip trailer
        _finished = true;
    }

    private int CopyOut(byte[] buffer, int offset, int count)
    {
        var n = Math.Min(count, Available);
        if (n == 0) return 0;
        Buffer.BlockCopy(_output.GetBuffer(), _outputRead, buffer, offset, n);
        _outputRead += n;
        _position += n;
        return n;
    }
}
