namespace AwsCore.Http;

/// <summary>
/// A streamed response body: each read must bring bytes within the read timeout, and disposing it releases the
/// connection. Transport failures while reading surface as <see cref="AwsTransportException"/>.
/// </summary>
internal sealed class IdleTimeoutStream : Stream
{
    private readonly Stream _inner;
    private readonly TimeSpan _timeout;
    private readonly string _host;
    private readonly IDisposable _response;
    private readonly CancellationTokenSource _idle;
    private readonly CancellationToken _user;

    public IdleTimeoutStream(Stream inner, TimeSpan timeout, string host, IDisposable response, CancellationTokenSource idle, CancellationToken user)
    {
        _inner = inner;
        _timeout = timeout;
        _host = host;
        _response = response;
        _idle = idle;
        _user = user;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        _idle.CancelAfter(_timeout);
        // The idle source alone when the reader's token cannot fire: a linked source per read is most of a small read's cost.
        using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(_idle.Token, cancellationToken) : null;
        try
        {
            return await _inner.ReadAsync(buffer, offset, count, linked?.Token ?? _idle.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && !_user.IsCancellationRequested)
        {
            throw new AwsTransportException(TransportFailure.ReadTimeout, $"Read timeout on endpoint URL: \"{_host}\" after {_timeout.TotalSeconds:0.###} s", e);
        }
        catch (IOException e)
        {
            throw new AwsTransportException(TransportFailure.ConnectionClosed, $"Connection to \"{_host}\" broke while reading the response body: {e.Message}", e);
        }
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _response.Dispose();
            _idle.Dispose();
        }
        base.Dispose(disposing);
    }
}
