namespace AwsCore.Http;

/// <summary>
/// A response body that checksums what passes through it and, when the caller reaches the end, compares the result
/// with the checksum the service sent (botocore's StreamingChecksumBody); a mismatch throws
/// <see cref="FlexibleChecksumException"/> from that last read. Nothing is buffered. A caller that stops early gets
/// no check, as in botocore.
/// </summary>
internal sealed class ChecksumValidatingStream : Stream
{
    private readonly Stream _inner;
    private readonly Checksum _checksum;
    private readonly string _expected;
    private long _position;
    private bool _validated;

    public ChecksumValidatingStream(Stream inner, string algorithm, string expectedBase64)
    {
        _inner = inner;
        _checksum = ChecksumAlgorithms.Create(algorithm);
        _expected = expectedBase64;
        Algorithm = algorithm.ToLowerInvariant();
    }

    /// <summary>The algorithm being checked ("crc32").</summary>
    public string Algorithm { get; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => _inner.Length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException("a checksum-validated response body cannot seek");
    }

    public override int Read(byte[] buffer, int offset, int count) => Account(buffer, offset, count, _inner.Read(buffer, offset, count));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Account(buffer, offset, count, await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("a checksum-validated response body cannot seek");

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }

    private int Account(byte[] buffer, int offset, int count, int read)
    {
        if (read > 0)
        {
            _checksum.Update(buffer, offset, read);
            _position += read;
        }
        else if (count > 0 && !_validated)
        {
            _validated = true;
            Verify(_checksum, _expected);
        }
        return read;
    }

    /// <summary>Throws when <paramref name="checksum"/> does not equal the base64 <paramref name="expected"/>.</summary>
    internal static void Verify(Checksum checksum, string expected)
    {
        var actual = checksum.Digest();
        byte[] wanted;
        try
        {
            wanted = Convert.FromBase64String(expected);
        }
        catch (FormatException)
        {
            wanted = Array.Empty<byte>();
        }
        if (!actual.AsSpan().SequenceEqual(wanted))
            throw new FlexibleChecksumException($"Expected checksum {expected} did not match calculated checksum: {Convert.ToBase64String(actual)}");
    }
}
