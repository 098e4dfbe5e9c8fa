using AwsCore.Commands;
using AwsCore.Runtime;

namespace AwsCore.Module;

/// <summary>Core's <see cref="IOperationCaller"/> over an <see cref="AwsClient"/>.</summary>
internal sealed class AwsClientCaller : IOperationCaller
{
    private readonly AwsClient _client;

    public AwsClientCaller(AwsClient client) => _client = client;

    public Task<Dictionary<string, object?>> InvokeAsync(string operation, IDictionary<string, object?> parameters, CancellationToken cancellationToken) =>
        _client.InvokeAsync(operation, parameters, cancellationToken);

    public IAsyncEnumerable<object?> PaginateItemsAsync(string operation, IDictionary<string, object?> parameters, PagingArguments paging, CancellationToken cancellationToken) =>
        _client.PaginateItemsAsync(operation, parameters, Options(paging), cancellationToken);

    public IAsyncEnumerable<Dictionary<string, object?>> PaginatePagesAsync(string operation, IDictionary<string, object?> parameters, PagingArguments paging, CancellationToken cancellationToken) =>
        _client.PaginatePagesAsync(operation, parameters, Options(paging), cancellationToken);

    private static PaginationOptions Options(PagingArguments paging) => new()
    {
        MaxItems = paging.MaxItems,
        PageSize = paging.PageSize,
        StartingToken = paging.StartingToken,
    };
}
