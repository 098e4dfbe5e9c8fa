namespace AwsCore.Runtime;

/// <summary>
/// An async sequence consumed synchronously, one element per MoveNext, so a synchronous consumer (a PowerShell
/// pipeline) still pulls lazily: no element is produced before it is asked for.
/// </summary>
internal sealed class SyncEnumerable<T> : IEnumerable<T>
{
    private readonly IAsyncEnumerable<T> _source;
    private readonly CancellationToken _cancellationToken;

    public SyncEnumerable(IAsyncEnumerable<T> source, CancellationToken cancellationToken)
    {
        _source = source;
        _cancellationToken = cancellationToken;
    }

    public IEnumerator<T> GetEnumerator() => new Enumerator(_source.GetAsyncEnumerator(_cancellationToken));

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class Enumerator : IEnumerator<T>
    {
        private readonly IAsyncEnumerator<T> _inner;

        public Enumerator(IAsyncEnumerator<T> inner) => _inner = inner;

        public T Current => _inner.Current;

        object? System.Collections.IEnumerator.Current => Current;

        public bool MoveNext()
        {
            var next = _inner.MoveNextAsync();
            return next.IsCompletedSuccessfully ? next.Result : next.AsTask().GetAwaiter().GetResult();
        }

        public void Reset() => throw new NotSupportedException("start a new enumeration instead");

        public void Dispose()
        {
            var disposing = _inner.DisposeAsync();
            if (!disposing.IsCompletedSuccessfully) disposing.AsTask().GetAwaiter().GetResult();
        }
    }
}
