using AwsCore.Jmes;
using AwsCore.Models;
using AwsCore.Runtime;

namespace AwsCore.Commands;

/// <summary>
/// Runs one operation for a command and yields what the command writes, one object at a time, blocking the calling
/// (pipeline) thread while each call or page is in flight:
/// <list type="bullet">
/// <item>a paginated operation yields the items of its primary result key as pages arrive (all pages unless
/// -MaxItems), so a consumer that stops early stops the fetching;</item>
/// <item>-NoPaginate, or an operation without a paginator, yields the whole output as one object;</item>
/// <item>-Query evaluates JMESPath over each output (each page when paginating) and yields the result, a list one
/// element at a time.</item>
/// </list>
/// Disposing the enumerator (PowerShell stopping the pipeline) disposes the page enumerator, so no further page is asked for.
/// </summary>
public sealed class CommandExecution
{
    private readonly IOperationCaller _caller;
    private readonly OutputShaper _shaper;

    /// <summary>Creates an execution over <paramref name="caller"/>, shaping output with <paramref name="shaper"/>.</summary>
    public CommandExecution(IOperationCaller caller, OutputShaper shaper)
    {
        _caller = caller ?? throw new ArgumentNullException(nameof(caller));
        _shaper = shaper ?? throw new ArgumentNullException(nameof(shaper));
    }

    /// <summary>The objects to write for <paramref name="operation"/> called with <paramref name="input"/>.</summary>
    /// <exception cref="ArgumentException">Paging parameters given for an operation that has no paginator.</exception>
    /// <exception cref="JmesPathException">The query does not compile (raised before any call is made).</exception>
    public IEnumerable<object?> Run(OperationModel operation, IDictionary<string, object?> input, PagingArguments paging, string? query, CancellationToken cancellationToken)
    {
        if (operation is null) throw new ArgumentNullException(nameof(operation));
        paging ??= new PagingArguments();
        var compiled = string.IsNullOrWhiteSpace(query) ? null : JmesPath.Compile(query!);
        var paged = PagedResult.For(operation.Service, operation.Name);
        if (paged is null && !paging.IsDefault)
            throw new ArgumentException($"{operation.Service.ServiceName}.{operation.Name} is not paginated: -MaxItems, -PageSize, -StartingToken and -NoPaginate do not apply", nameof(paging));

        if (paged is null || paging.NoPaginate)
            return Single(operation, paged is null ? input : WithPageArguments(input, paged, paging), compiled, cancellationToken);
        if (compiled is not null)
            return Pages(operation, input, paging, compiled, cancellationToken);
        return Items(operation, input, paging, paged, cancellationToken);
    }

    private IEnumerable<object?> Single(OperationModel operation, IDictionary<string, object?> input, JmesPathExpression? query, CancellationToken ct)
    {
        var output = Wait(_caller.InvokeAsync(operation.Name, input, ct));
        if (query is null)
        {
            yield return _shaper.ShapeOutput(operation, output);
            yield break;
        }
        foreach (var result in QueryResults(query, output)) yield return result;
    }

    private IEnumerable<object?> Items(OperationModel operation, IDictionary<string, object?> input, PagingArguments paging, PagedResult paged, CancellationToken ct)
    {
        foreach (var item in new SyncEnumerable<object?>(_caller.PaginateItemsAsync(operation.Name, input, paging, ct), ct))
            yield return _shaper.Shape(item, paged.ItemShape);
    }

    private IEnumerable<object?> Pages(OperationModel operation, IDictionary<string, object?> input, PagingArguments paging, JmesPathExpression query, CancellationToken ct)
    {
        foreach (var page in new SyncEnumerable<ValueMap>(_caller.PaginatePagesAsync(operation.Name, input, paging, ct), ct))
            foreach (var result in QueryResults(query, page))
                yield return result;
    }

    private IEnumerable<object?> QueryResults(JmesPathExpression query, ValueMap output)
    {
        var result = query.Search(output);
        if (result is null) yield break;
        if (result is IReadOnlyList<object?> list)
        {
            foreach (var item in list)
                if (item is not null) yield return _shaper.QueryResult(item);
            yield break;
        }
        yield return _shaper.QueryResult(result);
    }

    /// <summary>For -NoPaginate: -PageSize and -StartingToken become the paginator's limit and input token members.</summary>
    private static IDictionary<string, object?> WithPageArguments(IDictionary<string, object?> input, PagedResult paged, PagingArguments paging)
    {
        if (paging.MaxItems is not null)
            throw new ArgumentException("-MaxItems counts items across pages, so it does not combine with -NoPaginate; use -PageSize", nameof(paging));
        if (paging.PageSize is null && paging.StartingToken is null) return input;
        var copy = new Dictionary<string, object?>(input, StringComparer.Ordinal);
        if (paging.PageSize is { } size)
            copy[paged.LimitKey ?? throw new ArgumentException($"{paged.Operation} has no page-size member, so -PageSize does not apply", nameof(paging))] = size;
        if (paging.StartingToken is { } token)
        {
            if (paged.InputTokens.Count != 1)
                throw new ArgumentException($"{paged.Operation} continues with several members ({string.Join(", ", paged.InputTokens)}); with -NoPaginate set them in the input instead of -StartingToken", nameof(paging));
            copy[paged.InputTokens[0]] = token;
        }
        return copy;
    }

    private static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();
}
