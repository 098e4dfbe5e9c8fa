using AwsCore.Models;
using AwsCore.Runtime;

namespace AwsCore.Commands;

/// <summary><see cref="IOperationCaller"/> over an <see cref="AwsClient"/>: what commands call AWS through.</summary>
public sealed class AwsClientCaller : IOperationCaller
{
    private readonly AwsClient _client;

    /// <summary>Calls go through <paramref name="client"/>.</summary>
    public AwsClientCaller(AwsClient client) => _client = client ?? throw new ArgumentNullException(nameof(client));

    /// <inheritdoc/>
    public Task<ValueMap> InvokeAsync(string operation, IDictionary<string, object?> parameters, CancellationToken cancellationToken) =>
        _client.InvokeAsync(operation, parameters, cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<object?> PaginateItemsAsync(string operation, IDictionary<string, object?> parameters, PagingArguments paging, CancellationToken cancellationToken) =>
        _client.PaginateItemsAsync(operation, parameters, Options(paging), cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<ValueMap> PaginatePagesAsync(string operation, IDictionary<string, object?> parameters, PagingArguments paging, CancellationToken cancellationToken) =>
        _client.PaginatePagesAsync(operation, parameters, Options(paging), cancellationToken);

    private static PaginationOptions Options(PagingArguments paging) => new()
    {
        MaxItems = paging.MaxItems,
        PageSize = paging.PageSize,
        StartingToken = paging.StartingToken,
    };
}
