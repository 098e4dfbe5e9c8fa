using System.Collections.Concurrent;
using AwsCore.Http;
using AwsCore.Models;

namespace AwsCore.Runtime;

/// <summary>
/// A low-level client for one AWS service, as botocore's client: any operation of the service's model, called with a
/// value-tree input (docs/conventions.md) and answered with a value-tree output. Create one with
/// <see cref="AwsClientFactory.Create"/>. Thread-safe: one client serves concurrent calls (runspaces, -Parallel).
/// </summary>
public sealed class AwsClient : IDisposable
{
    private readonly ClientContext _context;

    // One invoker per operation for the client's life: what an operation's calls share is worked out once.
    private readonly ConcurrentDictionary<string, OperationInvoker> _invokers = new(StringComparer.Ordinal);

    internal AwsClient(ClientContext context) => _context = context;

    /// <summary>The service model the client speaks.</summary>
    public ServiceModel Model => _context.Model;

    /// <summary>The region calls go to and are signed for.</summary>
    public string Region => _context.Region;

    /// <summary>The client's events (before-call, after-call, ...), to register handlers on.</summary>
    public AwsEventEmitter Events => _context.Events;

    /// <summary>Where each resolved setting came from (region, endpoint, credentials source, retry mode, ...); never a secret.</summary>
    public IReadOnlyList<string> Provenance =>
        _context.CredentialSource is { } source ? _context.Provenance.Concat(new[] { "credentials from " + source }).ToArray() : _context.Provenance;

    /// <summary>Calls <paramref name="operation"/>; a service error throws <see cref="AwsServiceException"/>.</summary>
    /// <exception cref="ParameterValidationException">The input does not fit the operation's input shape.</exception>
    /// <exception cref="AwsServiceException">The service answered with an error.</exception>
    /// <exception cref="AwsTransportException">No response could be had, after the retries the retry mode allows.</exception>
    public Task<ValueMap> InvokeAsync(string operation, IDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default) =>
        Invoker(operation).InvokeAsync(parameters, cancellationToken);

    /// <summary>The synchronous form of <see cref="InvokeAsync"/>.</summary>
    public ValueMap Invoke(string operation, IDictionary<string, object?>? parameters = null) =>
        InvokeAsync(operation, parameters).GetAwaiter().GetResult();

    /// <summary>The request exactly as it would be sent (serialized, endpoint resolved, signed), without sending it.</summary>
    public Task<AwsHttpRequest> BuildRequestAsync(string operation, IDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default) =>
        Invoker(operation).BuildSignedRequestAsync(parameters, cancellationToken);

    /// <summary>A presigned URL for the call, valid for <paramref name="expiresInSeconds"/> (at most 604800, 7 days).</summary>
    public Task<Uri> PresignAsync(string operation, IDictionary<string, object?>? parameters = null, int expiresInSeconds = 3600, CancellationToken cancellationToken = default) =>
        Invoker(operation).PresignAsync(parameters, expiresInSeconds, cancellationToken);

    /// <summary>True when the model has a paginator for <paramref name="operation"/>.</summary>
    public bool CanPaginate(string operation) => Model.Paginators.ContainsKey(operation);

    /// <summary>
    /// Pages of <paramref name="operation"/>, fetched lazily as they are enumerated: stopping early sends no further
    /// request. Tokens (<see cref="PaginationOptions.StartingToken"/>, <see cref="PageIterator.ResumeToken"/>) are botocore's.
    /// The input is converted once for the run; later pages convert only the members the paginator sets (tokens, page size).
    /// </summary>
    public PageIterator Paginate(string operation, IDictionary<string, object?>? parameters = null, PaginationOptions? options = null)
    {
        if (!Model.Paginators.TryGetValue(operation, out var definition))
            throw new ArgumentException($"{Model.ServiceName}.{operation} cannot be paginated (paginated operations: {string.Join(", ", Model.Paginators.Keys.Take(20))})", nameof(operation));
        var invoker = Invoker(operation);
        var run = new PaginatedInput(Model.GetOperation(operation).Input, definition);
        return new Paginator(definition, (input, ct) => invoker.InvokeAsync(input, run, ct)).Paginate(parameters, WithTypedPageSize(operation, definition, options));
    }

    /// <summary>The pages of a paginated operation as they arrive.</summary>
    public IAsyncEnumerable<ValueMap> PaginatePagesAsync(string operation, IDictionary<string, object?>? parameters, PaginationOptions? options,
        CancellationToken cancellationToken = default) => Paginate(operation, parameters, options).PagesAsync(cancellationToken);

    /// <summary>The items of the primary result key, one at a time, as each page arrives.</summary>
    public IAsyncEnumerable<object?> PaginateItemsAsync(string operation, IDictionary<string, object?>? parameters, PaginationOptions? options,
        CancellationToken cancellationToken = default) => Paginate(operation, parameters, options).ItemsAsync(cancellationToken);

    /// <summary>Polls the model's waiter <paramref name="waiterName"/> until it succeeds; a failure or timeout throws <see cref="WaiterException"/>.</summary>
    public Task<WaiterResult> WaitAsync(string waiterName, IDictionary<string, object?>? parameters = null, WaiterOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        if (!Model.Waiters.TryGetValue(waiterName, out var definition))
        {
            var close = string.Join(", ", Model.Waiters.Keys.OrderBy(k => k, StringComparer.Ordinal));
            throw new ArgumentException($"{Model.ServiceName} has no waiter '{waiterName}' (waiters: {close})", nameof(waiterName));
        }
        var invoker = Invoker(definition.Operation);
        return new Waiter(definition, async (input, ct) =>
        {
            try
            {
                var output = await invoker.InvokeAsync(input, ct).ConfigureAwait(false);
                var status = output.TryGetValue("ResponseMetadata", out var meta) && meta is IDictionary<string, object?> m && m.TryGetValue("HTTPStatusCode", out var code) && code is int c ? c : 200;
                return new WaiterResponse(output, status);
            }
            catch (AwsServiceException e)
            {
                return WaiterResponse.FromServiceError(e);
            }
        }).WaitAsync(parameters, options, cancellationToken);
    }

    /// <summary>PageSize as the limit key's type (botocore converts it the same way), so "50" works where an integer is due.</summary>
    private PaginationOptions? WithTypedPageSize(string operation, PaginatorDefinition definition, PaginationOptions? options)
    {
        if (options?.PageSize is null || definition.LimitKey is not { } limitKey) return options;
        if (Model.GetOperation(operation).Input?.Members.TryGetValue(limitKey, out var shape) != true) return options;
        object converted = shape!.Type switch
        {
            ShapeType.Integer => Convert.ToInt32(options.PageSize, System.Globalization.CultureInfo.InvariantCulture),
            ShapeType.Long => Convert.ToInt64(options.PageSize, System.Globalization.CultureInfo.InvariantCulture),
            ShapeType.String => Convert.ToString(options.PageSize, System.Globalization.CultureInfo.InvariantCulture)!,
            _ => options.PageSize,
        };
        return new PaginationOptions { MaxItems = options.MaxItems, StartingToken = options.StartingToken, PageSize = converted };
    }

    private OperationInvoker Invoker(string operation) =>
        _invokers.TryGetValue(operation, out var invoker)
            ? invoker
            : _invokers.GetOrAdd(operation, new OperationInvoker(_context, Model.GetOperation(operation)));

    public override string ToString() => $"AwsClient({Model.ServiceName}, {Region})";

    /// <summary>Nothing to release: connections are pooled per transport configuration for the process.</summary>
    public void Dispose() { }
}
