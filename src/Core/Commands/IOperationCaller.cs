using AwsCore.Models;
namespace AwsCore.Commands;

/// <summary>
/// The calls a command makes to one service, as the Runtime's AwsClient offers them. The Module adapts an AwsClient to
/// this; tests supply their own, so <see cref="CommandExecution"/> is tested without a network.
/// </summary>
public interface IOperationCaller
{
    /// <summary>One call; the parsed output, or an AwsServiceException for a service error.</summary>
    Task<ValueMap> InvokeAsync(string operation, IDictionary<string, object?> parameters, CancellationToken cancellationToken);

    /// <summary>The items of the primary result key across pages, fetched a page at a time as they are consumed.</summary>
    IAsyncEnumerable<object?> PaginateItemsAsync(string operation, IDictionary<string, object?> parameters, PagingArguments paging, CancellationToken cancellationToken);

    /// <summary>The raw pages, fetched one at a time as they are consumed.</summary>
    IAsyncEnumerable<ValueMap> PaginatePagesAsync(string operation, IDictionary<string, object?> parameters, PagingArguments paging, CancellationToken cancellationToken);
}
