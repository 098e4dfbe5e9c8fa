namespace AwsCore.Runtime;

/// <summary>How far and from where to paginate (botocore's PaginationConfig).</summary>
public sealed class PaginationOptions
{
    /// <summary>Stop after this many items of the primary result key, cutting inside a page if need be; a resume token is then available.</summary>
    public int? MaxItems { get; init; }

    /// <summary>
    /// Sent in the operation's limit key on every request. Give it in the limit key's shape type (an integer, or a
    /// string where the shape is a string, which is how botocore converts it). Not allowed where the operation has no limit key.
    /// </summary>
    public object? PageSize { get; init; }

    /// <summary>A token from an earlier run (AwsCore's, botocore's or the AWS CLI's NextToken) to resume from.</summary>
    public string? StartingToken { get; init; }
}
