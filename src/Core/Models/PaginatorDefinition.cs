using AwsCore.Jmes;

namespace AwsCore.Models;

/// <summary>
/// How one operation pages (an entry of botocore's paginators-1.json): which input members carry the next
/// request's tokens, the JMESPath expressions that read them from a response, and where the results are.
/// Immutable; the expressions are compiled when the file is parsed.
/// </summary>
public sealed class PaginatorDefinition
{
    internal PaginatorDefinition(
        string operationName,
        IReadOnlyList<string> inputTokens,
        IReadOnlyList<JmesPathExpression> outputTokens,
        JmesPathExpression? moreResults,
        string? limitKey,
        IReadOnlyList<JmesPathExpression> resultKeys,
        IReadOnlyList<JmesPathExpression> nonAggregateKeys)
    {
        OperationName = operationName;
        InputTokens = inputTokens;
        OutputTokens = outputTokens;
        MoreResults = moreResults;
        LimitKey = limitKey;
        ResultKeys = resultKeys;
        NonAggregateKeys = nonAggregateKeys;
    }

    /// <summary>The operation this paginator drives, e.g. "ListObjectsV2".</summary>
    public string OperationName { get; }

    /// <summary>Input member names that receive the tokens (S3 ListObjectVersions: KeyMarker, VersionIdMarker).</summary>
    public IReadOnlyList<string> InputTokens { get; }

    /// <summary>One expression per input token reading its value from a response (e.g. <c>NextMarker || Contents[-1].Key</c>).</summary>
    public IReadOnlyList<JmesPathExpression> OutputTokens { get; }

    /// <summary>When present, a falsy value ends pagination whatever the tokens say (e.g. <c>IsTruncated</c>).</summary>
    public JmesPathExpression? MoreResults { get; }

    /// <summary>The input member that limits a page's size (PageSize is sent in it), or null when the operation has none.</summary>
    public string? LimitKey { get; }

    /// <summary>Where the results are; the first is the primary one that MaxItems counts. May be empty.</summary>
    public IReadOnlyList<JmesPathExpression> ResultKeys { get; }

    /// <summary>Values taken from the first page only and kept in the full result (e.g. S3's Prefix, Delimiter).</summary>
    public IReadOnlyList<JmesPathExpression> NonAggregateKeys { get; }

    /// <summary>
    /// Parses a whole paginators-1.json (sdk-extras already merged): operation name to its paginator.
    /// </summary>
    /// <param name="json">The file's bytes (UTF-8 JSON).</param>
    /// <param name="file">The file's name or path, used in error messages.</param>
    /// <exception cref="ModelLoadException">The file is not valid JSON or an entry is malformed; the message names the file and entry.</exception>
    public static IReadOnlyDictionary<string, PaginatorDefinition> ParseFile(byte[] json, string file) =>
        PaginatorFileParser.Parse(json, file);
}
