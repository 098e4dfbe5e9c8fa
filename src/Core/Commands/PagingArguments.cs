namespace AwsCore.Commands;

/// <summary>The paging parameters of a command (-MaxItems, -PageSize, -StartingToken, -NoPaginate).</summary>
public sealed class PagingArguments
{
    /// <summary>Stop after this many items in total (null: all).</summary>
    public int? MaxItems { get; init; }

    /// <summary>Items asked for per request, through the paginator's limit key (null: the service's default).</summary>
    public int? PageSize { get; init; }

    /// <summary>Resume from the NextToken a previous -MaxItems run reported (null: from the start).</summary>
    public string? StartingToken { get; init; }

    /// <summary>Make one call and write the whole raw page, continuation token included.</summary>
    public bool NoPaginate { get; init; }

    /// <summary>True when no paging parameter was given.</summary>
    public bool IsDefault => MaxItems is null && PageSize is null && StartingToken is null && !NoPaginate;
}
