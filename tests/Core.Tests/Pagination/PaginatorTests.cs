using AwsCore.Models;
using AwsCore.Runtime;

namespace AwsCore.Tests.Pagination;

public sealed class PaginatorTests
{
    private static (Paginator Paginator, FakeListService Service) ListObjects(int count, int pageSize = 1000)
    {
        var service = new FakeListService(count, pageSize);
        return (new Paginator(FakeListService.Definition("ListObjects"), service.ListObjects), service);
    }

    private static List<string> Keys(IEnumerable<object?> items) =>
        items.Select(i => (string)((Dictionary<string, object?>)i!)["Key"]!).ToList();

    [Fact]
    public void AllItemsInOrderUsingTheExpressionToken()
    {
        var (paginator, service) = ListObjects(2500);
        var keys = Keys(paginator.Paginate(new Dictionary<string, object?> { ["Bucket"] = "b" }).Items());
        Assert.Equal(Enumerable.Range(0, 2500).Select(FakeListService.Key), keys);
        Assert.Equal(3, service.Requests.Count);
        Assert.False(service.Requests[0].ContainsKey("Marker"));
        Assert.Equal(FakeListService.Key(999), service.Requests[1]["Marker"]);
        Assert.Equal(FakeListService.Key(1999), service.Requests[2]["Marker"]);
        Assert.All(service.Requests, r => Assert.Equal("b", r["Bucket"]));
    }

    [Fact]
    public async Task StoppingAfterFiveItemsRequestsNoSecondPage()
    {
        var (paginator, service) = ListObjects(50, pageSize: 10);
        Assert.Equal(5, paginator.Paginate().Items().Take(5).Count());
        Assert.Single(service.Requests);

        service.Requests.Clear();
        var seen = 0;
        await foreach (var _ in paginator.Paginate().ItemsAsync())
            if (++seen == 5) break;
        Assert.Single(service.Requests);

        service.Requests.Clear();
        Assert.Equal(12, paginator.Paginate().Items().Take(12).Count());
        Assert.Equal(2, service.Requests.Count);
    }

    [Fact]
    public void MaxItemsCutsInsideAPageAndTheResumeTokenContinuesExactly()
    {
        var (paginator, service) = ListObjects(23, pageSize: 5);
        var first = paginator.Paginate(options: new PaginationOptions { MaxItems = 7 });
        var firstKeys = Keys(first.Items());
        Assert.Equal(Enumerable.Range(0, 7).Select(FakeListService.Key), firstKeys);
        Assert.Equal(2, service.Requests.Count);
        Assert.NotNull(first.ResumeToken);

        var collected = new List<string>(firstKeys);
        var token = first.ResumeToken;
        while (token is not null)
        {
            var next = paginator.Paginate(options: new PaginationOptions { MaxItems = 7, StartingToken = token });
            collected.AddRange(Keys(next.Items()));
            token = next.ResumeToken;
        }
        Assert.Equal(Enumerable.Range(0, 23).Select(FakeListService.Key), collected);
    }

    [Fact]
    public void MaxItemsOnAPageBoundaryResumesWithTheServiceToken()
    {
        var (paginator, _) = ListObjects(23, pageSize: 5);
        var run = paginator.Paginate(options: new PaginationOptions { MaxItems = 10 });
        Assert.Equal(10, run.Items().Count());
        Assert.True(PaginationToken.TryDecode(run.ResumeToken!, out var decoded));
        Assert.Equal(new Dictionary<string, object?> { ["Marker"] = FakeListService.Key(9) }, decoded);
        var rest = paginator.Paginate(options: new PaginationOptions { StartingToken = run.ResumeToken });
        Assert.Equal(Enumerable.Range(10, 13).Select(FakeListService.Key), Keys(rest.Items()));
        Assert.Null(rest.ResumeToken);
    }

    [Fact]
    public void PageSizeGoesIntoTheLimitKey()
    {
        var (paginator, service) = ListObjects(30);
        Assert.Equal(30, paginator.Paginate(options: new PaginationOptions { PageSize = 7 }).Items().Count());
        Assert.Equal(5, service.Requests.Count);
        Assert.All(service.Requests, r => Assert.Equal(7, r["MaxKeys"]));
    }

    [Fact]
    public void PageSizeWithoutALimitKeyIsRefused()
    {
        var service = new FakeListService(3);
        var paginator = new Paginator(FakeListService.Definition("ListVersions"), service.ListObjects);
        var error = Assert.Throws<PaginationException>(() => paginator.Paginate(options: new PaginationOptions { PageSize = 2 }));
        Assert.Contains("ListVersions", error.Message);
    }

    [Fact]
    public void MultipleTokensAndMoreResults()
    {
        var requests = new List<Dictionary<string, object?>>();
        Task<ValueMap> Fetch(Dictionary<string, object?> input, CancellationToken _)
        {
            requests.Add(input);
            var n = requests.Count;
            return Task.FromResult(new ValueMap
            {
                ["Versions"] = new List<object?> { "v" + n },
                // The last page still carries tokens: IsTruncated=false must end the run anyway.
                ["IsTruncated"] = n < 3,
                ["NextKeyMarker"] = "key" + n,
                ["NextVersionIdMarker"] = n == 2 ? "" : "ver" + n,
            });
        }
        var paginator = new Paginator(FakeListService.Definition("ListVersions"), Fetch);
        Assert.Equal(new object?[] { "v1", "v2", "v3" }, paginator.Paginate().Items().ToArray());
        Assert.Equal(3, requests.Count);
        Assert.Equal(("key1", "ver1"), ((string)requests[1]["KeyMarker"]!, (string)requests[1]["VersionIdMarker"]!));
        // An empty token is no token: the member is left out of the request.
        Assert.Equal("key2", requests[2]["KeyMarker"]);
        Assert.False(requests[2].ContainsKey("VersionIdMarker"));
    }

    [Fact]
    public void ARepeatedTokenStopsWithAnError()
    {
        var calls = 0;
        Task<ValueMap> Fetch(Dictionary<string, object?> input, CancellationToken _)
        {
            calls++;
            return Task.FromResult(new ValueMap
            {
                ["Contents"] = new List<object?> { new Dictionary<string, object?> { ["Key"] = "same" } },
                ["IsTruncated"] = true,
            });
        }
        var paginator = new Paginator(FakeListService.Definition("ListObjects"), Fetch);
        var error = Assert.Throws<PaginationException>(() => paginator.Paginate().Items().ToList());
        Assert.Contains("same next token was received twice", error.Message);
        Assert.Equal(2, calls);
    }

    [Fact]
    public void FullResultConcatenatesSumsAndKeepsNonAggregateKeys()
    {
        var service = new FakeListService(25, 10);
        var paginator = new Paginator(FakeListService.Definition("Scan"), service.Scan);
        var full = paginator.Paginate(new Dictionary<string, object?> { ["TableName"] = "t" }).BuildFullResult();
        Assert.Equal(25, ((List<object?>)full["Items"]!).Count);
        Assert.Equal(25L, full["Count"]);
        Assert.Equal(28L, full["ScannedCount"]);
        Assert.Equal(0.5, ((Dictionary<string, object?>)full["ConsumedCapacity"]!)["CapacityUnits"]);
        Assert.False(full.ContainsKey("NextToken"));
        Assert.False(full.ContainsKey("LastEvaluatedKey"));

        var (objects, _) = ListObjects(12, 5);
        var truncated = objects.Paginate(options: new PaginationOptions { MaxItems = 6 }).BuildFullResult();
        Assert.Equal(6, ((List<object?>)truncated["Contents"]!).Count);
        Assert.Equal("bucket", truncated["Name"]);
        Assert.Equal("owner-1", ((ValueMap)truncated["Owner"]!)["ID"]);
        Assert.False(((ValueMap)truncated["Owner"]!).ContainsKey("DisplayName"));
        Assert.IsType<string>(truncated["NextToken"]);
    }

    [Fact]
    public void AnAttributeMapTokenWithBytesRoundTrips()
    {
        var service = new FakeListService(9, 4);
        var paginator = new Paginator(FakeListService.Definition("Scan"), service.Scan);
        var first = paginator.Paginate(options: new PaginationOptions { MaxItems = 5, PageSize = 4 });
        Assert.Equal(5, first.Items().Count());
        var rest = paginator.Paginate(options: new PaginationOptions { StartingToken = first.ResumeToken, PageSize = 4 });
        var ids = rest.Items().Select(i => (string)((Dictionary<string, object?>)((Dictionary<string, object?>)i!)["id"]!)["S"]!).ToList();
        Assert.Equal(new[] { "5", "6", "7", "8" }, ids);
        var resumed = (Dictionary<string, object?>)service.Requests[^2]["ExclusiveStartKey"]!;
        Assert.Equal(new byte[] { 0, 1, 2, 250 }, ((Dictionary<string, object?>)resumed["bin"]!)["B"]);
    }

    [Fact]
    public void TheOlderStartingTokenFormIsAccepted()
    {
        var (paginator, _) = ListObjects(12, 5);
        // A bare service token, and botocore's older "token___skip" form.
        Assert.Equal(Enumerable.Range(4, 8).Select(FakeListService.Key), Keys(paginator.Paginate(options: new PaginationOptions { StartingToken = FakeListService.Key(3) }).Items()));
        Assert.Equal(Enumerable.Range(6, 6).Select(FakeListService.Key), Keys(paginator.Paginate(options: new PaginationOptions { StartingToken = FakeListService.Key(3) + "___2" }).Items()));
    }

    [Fact]
    public async Task CancellationStopsBeforeTheNextRequest()
    {
        var (paginator, service) = ListObjects(30, 5);
        using var cancel = new CancellationTokenSource();
        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in paginator.Paginate().ItemsAsync(cancel.Token))
                if (++seen == 5) cancel.Cancel();
        });
        Assert.Single(service.Requests);
    }

    [Fact]
    public void SearchFlattensListsAndYieldsOtherValues()
    {
        var (paginator, _) = ListObjects(7, 5);
        Assert.Equal(new object?[] { "k00000", "k00001", "k00002", "k00003", "k00004", "k00005", "k00006" }, paginator.Paginate().Search("Contents[].Key").ToArray());
        Assert.Equal(new object?[] { true, false }, paginator.Paginate().Search("IsTruncated").ToArray());
    }

    [Fact]
    public void TheCallersInputIsNotChanged()
    {
        var (paginator, _) = ListObjects(12, 5);
        var input = new Dictionary<string, object?> { ["Bucket"] = "b" };
        _ = paginator.Paginate(input, new PaginationOptions { PageSize = 5 }).Items().ToList();
        Assert.Equal(new Dictionary<string, object?> { ["Bucket"] = "b" }, input);
    }
}
