using System.Text;
using AwsCore.Models;

namespace AwsCore.Tests.Pagination;

/// <summary>
/// An in-memory S3-ListObjects-like operation: keys "k00000".. in order; Marker/MaxKeys in, Contents/IsTruncated
/// out (no NextMarker, as S3 without a delimiter), so the paginator must use <c>NextMarker || Contents[-1].Key</c>.
/// Counts and records every request.
/// </summary>
internal sealed class FakeListService
{
    public const string PaginatorJson = @"{""pagination"": {
        ""ListObjects"": {""more_results"": ""IsTruncated"", ""limit_key"": ""MaxKeys"", ""output_token"": ""NextMarker || Contents[-1].Key"",
                          ""input_token"": ""Marker"", ""result_key"": [""Contents"", ""CommonPrefixes""], ""non_aggregate_keys"": [""Name"", ""Owner.ID""]},
        ""Scan"": {""input_token"": ""ExclusiveStartKey"", ""output_token"": ""LastEvaluatedKey"", ""limit_key"": ""Limit"",
                   ""result_key"": [""Items"", ""Count"", ""ScannedCount""], ""non_aggregate_keys"": [""ConsumedCapacity""]},
        ""ListVersions"": {""input_token"": [""KeyMarker"", ""VersionIdMarker""], ""output_token"": [""NextKeyMarker"", ""NextVersionIdMarker""],
                           ""more_results"": ""IsTruncated"", ""result_key"": ""Versions""}}}";

    private readonly int _count;
    private readonly int _defaultPageSize;

    public FakeListService(int count, int defaultPageSize = 1000)
    {
        _count = count;
        _defaultPageSize = defaultPageSize;
    }

    public static PaginatorDefinition Definition(string operation) =>
        PaginatorDefinition.ParseFile(Encoding.UTF8.GetBytes(PaginatorJson), "fake/paginators-1.json")[operation];

    public List<Dictionary<string, object?>> Requests { get; } = new();

    public static string Key(int index) => "k" + index.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);

    public Task<ValueMap> ListObjects(Dictionary<string, object?> input, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Requests.Add(input);
        var start = input.TryGetValue("Marker", out var marker) && marker is string m ? int.Parse(m.Substring(1), System.Globalization.CultureInfo.InvariantCulture) + 1 : 0;
        var size = input.TryGetValue("MaxKeys", out var max) && max is not null ? Convert.ToInt32(max, System.Globalization.CultureInfo.InvariantCulture) : _defaultPageSize;
        var end = Math.Min(_count, start + size);
        var contents = new List<object?>(Math.Max(0, end - start));
        for (var i = start; i < end; i++)
            contents.Add(new Dictionary<string, object?> { ["Key"] = Key(i), ["Size"] = (long)i, ["ETag"] = "\"e" + i + "\"" });
        return Task.FromResult(new ValueMap
        {
            ["Name"] = "bucket",
            ["Owner"] = new Dictionary<string, object?> { ["ID"] = "owner-1", ["DisplayName"] = "o" },
            ["IsTruncated"] = end < _count,
            ["Contents"] = contents,
            ["MaxKeys"] = size,
        });
    }

    /// <summary>DynamoDB-Scan-like: LastEvaluatedKey is an attribute map (with a binary value), Count/ScannedCount per page.</summary>
    public Task<ValueMap> Scan(Dictionary<string, object?> input, CancellationToken cancellationToken)
    {
        Requests.Add(input);
        var start = input.TryGetValue("ExclusiveStartKey", out var key) && key is IDictionary<string, object?> k
            ? int.Parse((string)((IDictionary<string, object?>)k["id"]!)["S"]!, System.Globalization.CultureInfo.InvariantCulture) + 1 : 0;
        var size = input.TryGetValue("Limit", out var limit) && limit is not null ? Convert.ToInt32(limit, System.Globalization.CultureInfo.InvariantCulture) : _defaultPageSize;
        var end = Math.Min(_count, start + size);
        var items = new List<object?>();
        for (var i = start; i < end; i++) items.Add(new Dictionary<string, object?> { ["id"] = new Dictionary<string, object?> { ["S"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) } });
        var page = new ValueMap
        {
            ["Items"] = items, ["Count"] = items.Count, ["ScannedCount"] = items.Count + 1,
            ["ConsumedCapacity"] = new Dictionary<string, object?> { ["TableName"] = "t", ["CapacityUnits"] = 0.5 },
        };
        if (end < _count)
            page["LastEvaluatedKey"] = new Dictionary<string, object?>
            {
                ["id"] = new Dictionary<string, object?> { ["S"] = (end - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) },
                ["bin"] = new Dictionary<string, object?> { ["B"] = new byte[] { 0, 1, 2, 250 } },
            };
        return Task.FromResult(page);
    }
}
