using System.Globalization;
using System.Text;

namespace AwsCore.Http;

/// <summary>
/// The aws-chunked content encoding of a request body, with the checksum sent as a trailer, as botocore's
/// AwsChunkedWrapper writes it for unsigned trailers (STREAMING-UNSIGNED-PAYLOAD-TRAILER):
/// <c>&lt;hex length&gt;\r\n&lt;data&gt;\r\n</c> per chunk, then <c>0\r\n&lt;trailer name&gt;:&lt;base64 checksum&gt;\r\n\r\n</c>
/// (or <c>0\r\n\r\n</c> without a checksum). Reads the source one chunk at a time and never holds more than one
/// chunk. Unlike botocore it fills every chunk but the last completely, so the encoded length is known in advance
/// whenever the decoded length is, and the transport can send a Content-Length instead of chunked transfer encoding.
/// Seeking is only to the start (for a retry), and only when the source can seek.
/// </summary>
internal sealed class AwsChunkedStream : Stream, IRewindableStream
{
    public const int DefaultChunkSize = 1024 * 1024;

    // Room before the data for the longest chunk header: 8 hex digits and CRLF.
    private const int HeaderRoom = 10;
    private static readonly byte[] Crlf = { (byte)'\r', (byte)'\n' };

    private readonly Stream _source;
    private readonly string? _algorithm;
    private readonly string? _trailerName;
    private readonly int _chunkSize;
    private readonly long _sourceStart;
    private readonly long? _decodedLength, _encodedLength;
    private readonly byte[] _piece;
    private byte[] _current;
    private Checksum? _checksum;
    private int _pieceStart, _pieceEnd;
    private long _decodedRead, _position;
    private bool _sourceDone, _finished;

    /// <param name="source">The body to encode, read from its current position.</param>
    /// <param name="algorithm">The checksum algorithm name ("crc32"), or null for no trailer.</param>
    /// <param name="trailerName">The trailer (and header) name, x-amz-checksum-&lt;algorithm&gt; by default.</param>
    /// <param name="decodedLength">The body's length when the source cannot tell it (not seekable); checked at the end.</param>
    /// <param name="chunkSize">Bytes of body per chunk (botocore's 1 MiB by default).</param>
    public AwsChunkedStream(Stream source, string? algorithm, string? trailerName = null, long? decodedLength = null, int chunkSize = DefaultChunkSize)
    {
        if (!source.CanRead) throw new ArgumentException("the body stream cannot be read", nameof(source));
        if (chunkSize <= 0 || chunkSize > 0x7FFFFFF0 - HeaderRoom) throw new ArgumentOutOfRangeException(nameof(chunkSize));
        _source = source;
        _algorithm = algorithm?.ToLowerInvariant();
        _trailerName = algorithm is null ? null : trailerName ?? ChecksumAlgorithms.HeaderName(algorithm);
        _chunkSize = chunkSize;
        _sourceStart = source.CanSeek ? source.Position : 0;
        _decodedLength = source.CanSeek ? source.Length - source.Position : decodedLength;
        _encodedLength = _decodedLength is { } length ? ComputeEncodedLength(length, chunkSize, _algorithm, _trailerName) : null;
        _piece = new byte[HeaderRoom + chunkSize + 2];
        _current = _piece;
        Reset();
    }

    /// <summary>The number of body bytes before encoding (x-amz-decoded-content-length), when known.</summary>
    public long? DecodedLength => _decodedLength;

    /// <summary>The number of bytes this stream yields (the request's Content-Length), when the decoded length is known.</summary>
    public long? EncodedLength => _encodedLength;

    /// <summary>The checksum of everything read, once the stream has been read to its end (what the trailer carried).</summary>
    public string? TrailerChecksum { get; private set; }

    public static long ComputeEncodedLength(long decodedLength, int chunkSize, string? algorithm, string? trailerName = null)
    {
        long full = decodedLength / chunkSize;
        var rest = (int)(decodedLength % chunkSize);
        var length = full * ChunkOverhead(chunkSize) + full * chunkSize;
        if (rest > 0) length += ChunkOverhead(rest) + rest;
        length += 3; // "0\r\n"
        if (algorithm != null)
        {
            var name = trailerName ?? ChecksumAlgorithms.HeaderName(algorithm);
            var digestLength = ChecksumAlgorithms.DigestLength(algorithm);
            length += name.Length + 1 + 4 * ((digestLength + 2) / 3) + 2;
        }
        return length + 2;
    }

    private static int ChunkOverhead(int size) => size.ToString("x", CultureInfo.InvariantCulture).Length + 4;

    public override bool CanRead => true;
    /// <summary>Seekable (to the start only) when the source is and the length is known, so HttpClient can read <see cref="Length"/>.</summary>
    public override bool CanSeek => _source.CanSeek && EncodedLength.HasValue;

    public bool CanRewind => _source.CanSeek;

    public void Rewind() => Seek(0, SeekOrigin.Begin);
    public override bool CanWrite => false;
    public override long Length => EncodedLength ?? throw new NotSupportedException("the length of the body is not known");

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        if (offset != 0 || origin != SeekOrigin.Begin || !_source.CanSeek)
            throw new NotSupportedException("an aws-chunked body can only seek back to its start, and only when its source can seek");
        _source.Position = _sourceStart;
        Reset();
        return 0;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateArguments(buffer, offset, count);
        var total = 0;
        while (total < count)
        {
            if (_pieceStart == _pieceEnd)
            {
                if (_finished) break;
                FinishPiece(FillChunk());
            }
            total += CopyOut(buffer, offset + total, count - total);
        }
        return total;
    }

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateArguments(buffer, offset, count);
        var total = 0;
        while (total < count)
        {
            if (_pieceStart == _pieceEnd)
            {
                if (_finished) break;
                FinishPiece(await FillChunkAsync(cancellationToken).ConfigureAwait(false));
            }
            total += CopyOut(buffer, offset + total, count - total);
        }
        return total;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _source.Dispose();
        base.Dispose(disposing);
    }

    private void Reset()
    {
        _checksum = _algorithm is null ? null : ChecksumAlgorithms.Create(_algorithm);
        _pieceStart = _pieceEnd = 0;
        _decodedRead = _position = 0;
        _sourceDone = _finished = false;
        TrailerChecksum = null;
    }

    private int FillChunk()
    {
        var filled = 0;
        while (!_sourceDone && filled < _chunkSize)
        {
            var read = _source.Read(_piece, HeaderRoom + filled, _chunkSize - filled);
            if (read == 0) _sourceDone = true;
            filled += read;
        }
        return filled;
    }

    private async Task<int> FillChunkAsync(CancellationToken cancellationToken)
    {
        var filled = 0;
        while (!_sourceDone && filled < _chunkSize)
        {
            var read = await _source.ReadAsync(_piece, HeaderRoom + filled, _chunkSize - filled, cancellationToken).ConfigureAwait(false);
            if (read == 0) _sourceDone = true;
            filled += read;
        }
        return filled;
    }

    /// <summary>Frames the data just read (or, when there was none, writes the closing chunk and trailer) into the piece buffer.</summary>
    private void FinishPiece(int dataLength)
    {
        if (dataLength > 0)
        {
            _current = _piece;
            _checksum?.Update(_piece, HeaderRoom, dataLength);
            _decodedRead += dataLength;
            var header = Encoding.ASCII.GetBytes(dataLength.ToString("x", CultureInfo.InvariantCulture) + "\r\n");
            _pieceStart = HeaderRoom - header.Length;
            Buffer.BlockCopy(header, 0, _piece, _pieceStart, header.Length);
            _pieceEnd = HeaderRoom + dataLength;
            Buffer.BlockCopy(Crlf, 0, _piece, _pieceEnd, 2);
            _pieceEnd += 2;
            return;
        }
        if (_decodedLength is { } expected && expected != _decodedRead)
            throw new IOException($"the request body gave {_decodedRead} bytes where {expected} were announced (x-amz-decoded-content-length)");
        string closing;
        if (_checksum != null)
        {
            TrailerChecksum = _checksum.Base64Digest();
            closing = $"0\r\n{_trailerName}:{TrailerChecksum}\r\n\r\n";
        }
        else
        {
            closing = "0\r\n\r\n";
        }
        _current = Encoding.ASCII.GetBytes(closing);
        _pieceStart = 0;
        _pieceEnd = _current.Length;
        _finished = true;
    }

    private int CopyOut(byte[] buffer, int offset, int count)
    {
        var n = Math.Min(count, _pieceEnd - _pieceStart);
        Buffer.BlockCopy(_current, _pieceStart, buffer, offset, n);
        _pieceStart += n;
        _position += n;
        return n;
    }

    private static void ValidateArguments(byte[] buffer, int offset, int count)
    {
        if (buffer is null) throw new ArgumentNullException(nameof(buffer));
        if (offset < 0 || count < 0 || offset + count > buffer.Length) throw new ArgumentOutOfRangeException(nameof(count));
    }
}
