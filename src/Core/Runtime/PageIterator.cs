using System.Runtime.CompilerServices;
using AwsCore.Jmes;
using AwsCore.Models;

namespace AwsCore.Runtime;

/// <summary>
/// One pagination run (botocore's PageIterator): enumerate it (or <see cref="PagesAsync"/>) for pages; or use
/// <see cref="ItemsAsync"/>/<see cref="Items"/> for the primary result key's items, <see cref="SearchAsync"/> for
/// a JMESPath expression over every page, or <see cref="BuildFullResultAsync"/> for one aggregated output.
/// Each page is requested only when the consumer reaches it. Every enumeration starts the run again from the
/// beginning (new requests); enumerate one at a time. <see cref="ResumeToken"/> and <see cref="NonAggregatePart"/>
/// describe the latest enumeration.
/// </summary>
public sealed class PageIterator : IEnumerable<ValueMap>
{
    private readonly PaginatorDefinition _definition;
    private readonly Func<Dictionary<string, object?>, CancellationToken, Task<ValueMap>> _fetchPage;
    private readonly Dictionary<string, object?> _input;
    private readonly PaginationOptions _options;

    internal PageIterator(
        PaginatorDefinition definition,
        Func<Dictionary<string, object?>, CancellationToken, Task<ValueMap>> fetchPage,
        Dictionary<string, object?> input,
        PaginationOptions options)
    {
        _definition = definition;
        _fetchPage = fetchPage;
        _input = input;
        _options = options;
    }

    /// <summary>
    /// Set when the latest enumeration stopped because of MaxItems with more results left: pass it as
    /// StartingToken to continue where it stopped. botocore's encoding, so botocore and the AWS CLI accept it too.
    /// </summary>
    public string? ResumeToken { get; private set; }

    /// <summary>The non-aggregate keys' values, taken from the first page of the latest enumeration.</summary>
    public IReadOnlyDictionary<string, object?> NonAggregatePart { get; private set; } = new ValueMap();

    /// <summary>The pages, requested one at a time as the enumeration advances.</summary>
    public async IAsyncEnumerable<ValueMap> PagesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ResumeToken = null;
        NonAggregatePart = new ValueMap();
        var run = new PaginationRun(_definition, _options);
        var request = new Dictionary<string, object?>(_input, StringComparer.Ordinal);
        run.PrepareFirstRequest(request);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await _fetchPage(new Dictionary<string, object?>(request, StringComparer.Ordinal), cancellationToken).ConfigureAwait(false)
                ?? throw new PaginationException($"the page fetcher of {_definition.OperationName} returned no output");
            var step = run.Accept(page);
            if (step.NonAggregatePart is not null) NonAggregatePart = step.NonAggregatePart;
            if (step.ResumeToken is not null) ResumeToken = step.ResumeToken;
            yield return page;
            if (step.Last) yield break;
            if (run.Advance(page, request) is { } resume)
            {
                ResumeToken = resume;
                yield break;
            }
            if (run.Finished) yield break;
        }
    }

    /// <summary>The pages, synchronously (each request is awaited on the calling thread).</summary>
    public IEnumerator<ValueMap> GetEnumerator() => new SyncEnumerable<ValueMap>(PagesAsync(), CancellationToken.None).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// The items of the primary result key, each yielded as its page arrives; stopping early requests no further page.
    /// A result that is not a list is yielded as one item; a missing one yields nothing.
    /// </summary>
    /// <exception cref="PaginationException">The paginator has no result key.</exception>
    public async IAsyncEnumerable<object?> ItemsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var key = PrimaryResultKey();
        await foreach (var page in WithCancellation(cancellationToken))
        {
            var result = key.Search(page);
            if (result is null) continue;
            if (JmesValue.AsList(result) is not { } list) { yield return result; continue; }
            foreach (var item in list) yield return item;
        }
    }

    /// <summary>The items of the primary result key, synchronously; see <see cref="ItemsAsync"/>.</summary>
    public IEnumerable<object?> Items(CancellationToken cancellationToken = default) =>
        new SyncEnumerable<object?>(ItemsAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// Applies a JMESPath expression to each page: list results are flattened into their elements, anything else
    /// (null included) is yielded as is, as botocore's PageIterator.search does.
    /// </summary>
    public async IAsyncEnumerable<object?> SearchAsync(string expression, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var compiled = JmesPath.Compile(expression);
        await foreach (var page in WithCancellation(cancellationToken))
        {
            var result = compiled.Search(page);
            if (result is not string && JmesValue.TypeOf(result) == JmesType.Array)
            {
                foreach (var item in JmesValue.AsList(result)!) yield return item;
            }
            else yield return result;
        }
    }

    /// <summary>See <see cref="SearchAsync"/>; synchronously.</summary>
    public IEnumerable<object?> Search(string expression, CancellationToken cancellationToken = default) =>
        new SyncEnumerable<object?>(SearchAsync(expression, cancellationToken), cancellationToken);

    /// <summary>
    /// Runs to the end and returns one output: result keys' lists concatenated (numbers summed, strings joined),
    /// the non-aggregate keys merged in, and "NextToken" set to the resume token when MaxItems stopped the run.
    /// </summary>
    public async Task<ValueMap> BuildFullResultAsync(CancellationToken cancellationToken = default)
    {
        var complete = new ValueMap();
        await foreach (var page in WithCancellation(cancellationToken))
            FullResult.Add(complete, page, _definition.ResultKeys);
        DottedPath.Merge(complete, NonAggregatePart.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
        if (ResumeToken is not null) complete["NextToken"] = ResumeToken;
        return complete;
    }

    /// <summary>See <see cref="BuildFullResultAsync"/>; synchronously.</summary>
    public ValueMap BuildFullResult(CancellationToken cancellationToken = default) =>
        BuildFullResultAsync(cancellationToken).GetAwaiter().GetResult();

    private ConfiguredCancelableAsyncEnumerable<ValueMap> WithCancellation(CancellationToken cancellationToken) =>
        PagesAsync(cancellationToken).ConfigureAwait(false);

    private JmesPathExpression PrimaryResultKey() =>
        _definition.ResultKeys.Count > 0
            ? _definition.ResultKeys[0]
            : throw new PaginationException($"the paginator of {_definition.OperationName} has no result key, so it has no items; enumerate its pages");
}
