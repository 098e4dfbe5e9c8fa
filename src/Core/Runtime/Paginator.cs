using AwsCore.Models;

namespace AwsCore.Runtime;

/// <summary>
/// Drives one operation's paginator definition (botocore's Paginator). The page fetcher sends one request and
/// returns that page's output; <see cref="Paginate"/> returns a lazy run that fetches each page only when the
/// consumer asks for more than it has. Safe to share: each <see cref="Paginate"/> call is an independent run.
/// </summary>
public sealed class Paginator
{
    private readonly Func<Dictionary<string, object?>, CancellationToken, Task<ValueMap>> _fetchPage;

    /// <summary>Creates a paginator over <paramref name="fetchPage"/> (input -> one page's output).</summary>
    public Paginator(PaginatorDefinition definition, Func<Dictionary<string, object?>, CancellationToken, Task<ValueMap>> fetchPage)
    {
        Definition = definition ?? throw new ArgumentNullException(nameof(definition));
        _fetchPage = fetchPage ?? throw new ArgumentNullException(nameof(fetchPage));
    }

    /// <summary>The definition this paginator follows.</summary>
    public PaginatorDefinition Definition { get; }

    /// <summary>
    /// A run over the pages for <paramref name="input"/> (copied; the caller's dictionary is not changed). Nothing is
    /// requested until the run is enumerated.
    /// </summary>
    /// <exception cref="PaginationException">PageSize is given but the operation has no limit key, or MaxItems is not positive.</exception>
    public PageIterator Paginate(IDictionary<string, object?>? input = null, PaginationOptions? options = null)
    {
        options ??= new PaginationOptions();
        if (options.PageSize is not null && Definition.LimitKey is null)
            throw new PaginationException($"PageSize is not supported for the pagination of {Definition.OperationName}: the operation has no limit key.");
        if (options.MaxItems is <= 0)
            throw new PaginationException($"MaxItems must be positive, got {options.MaxItems}.");
        var copy = input is null
            ? new Dictionary<string, object?>(StringComparer.Ordinal)
            : new Dictionary<string, object?>(input, StringComparer.Ordinal);
        return new PageIterator(Definition, _fetchPage, copy, options);
    }
}
