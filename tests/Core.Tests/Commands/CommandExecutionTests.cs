using System.Runtime.CompilerServices;
using AwsCore.Commands;
using AwsCore.Jmes;

namespace AwsCore.Tests.Commands;

public sealed class CommandExecutionTests
{
    /// <summary>Serves ListObjectsV2 pages of S3 objects and records what was asked for.</summary>
    private sealed class FakeS3 : IOperationCaller
    {
        public int PagesServed;
        public List<(string Operation, IDictionary<string, object?> Input)> Calls = new();
        public PagingArguments? Paging;
        public int Pages = 3;

        public Task<AwsCore.Models.ValueMap> InvokeAsync(string operation, IDictionary<string, object?> parameters, CancellationToken ct)
        {
            Calls.Add((operation, parameters));
            return Task.FromResult(Page(0));
        }

        public async IAsyncEnumerable<object?> PaginateItemsAsync(string operation, IDictionary<string, object?> parameters, PagingArguments paging, [EnumeratorCancellation] CancellationToken ct)
        {
            await foreach (var page in PaginatePagesAsync(operation, parameters, paging, ct))
                foreach (var item in (List<object?>)page["Contents"]!)
                    yield return item;
        }

        public async IAsyncEnumerable<AwsCore.Models.ValueMap> PaginatePagesAsync(string operation, IDictionary<string, object?> parameters, PagingArguments paging, [EnumeratorCancellation] CancellationToken ct)
        {
            Calls.Add((operation, parameters));
            Paging = paging;
            for (var i = 0; i < Pages; i++)
            {
                await Task.Yield();
                ct.ThrowIfCancellationRequested();
                PagesServed++;
                yield return Page(i);
            }
        }

        private static AwsCore.Models.ValueMap Page(int i) => new()
        {
            ["IsTruncated"] = true,
            ["Contents"] = new List<object?>
            {
                new Dictionary<string, object?> { ["Key"] = $"k{i}a", ["Size"] = 1L },
                new Dictionary<string, object?> { ["Key"] = $"k{i}b", ["Size"] = 2L },
            },
            ["NextContinuationToken"] = $"t{i}",
        };
    }

    private static readonly AwsCore.Models.ServiceModel S3 = CommandTestModels.Service("s3");
    private static CommandExecution Execution(IOperationCaller caller) => new(caller, Made.Shaper);

    [Fact]
    public void PaginatedOperationsYieldTypedItemsOfEveryPage()
    {
        var fake = new FakeS3();
        var items = Execution(fake).Run(S3.GetOperation("ListObjectsV2"), new Dictionary<string, object?> { ["Bucket"] = "b" }, new PagingArguments { PageSize = 2 }, null, default).ToList();
        Assert.Equal(6, items.Count);
        var first = Assert.IsType<Made>(items[0]);
        Assert.Equal("AwsCore.S3.Object", first.TypeName);
        Assert.Equal("k0a", first["Key"]);
        Assert.Equal(2, fake.Paging!.PageSize);
    }

    [Fact]
    public void StoppingEarlyStopsFetchingPages()
    {
        var fake = new FakeS3 { Pages = 1000 };
        var firstThree = Execution(fake).Run(S3.GetOperation("ListObjectsV2"), new Dictionary<string, object?>(), new PagingArguments(), null, default).Take(3).ToList();
        Assert.Equal(3, firstThree.Count);
        Assert.Equal(2, fake.PagesServed);
    }

    [Fact]
    public void CancellationStopsTheIteration()
    {
        var fake = new FakeS3 { Pages = 1000 };
        using var cts = new CancellationTokenSource();
        var seen = 0;
        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var _ in Execution(fake).Run(S3.GetOperation("ListObjectsV2"), new Dictionary<string, object?>(), new PagingArguments(), null, cts.Token))
                if (++seen == 4) cts.Cancel();
        });
        Assert.Equal(4, seen);
        Assert.True(fake.PagesServed <= 3);
    }

    [Fact]
    public void NoPaginateMakesOneCallAndWritesTheWholePage()
    {
        var fake = new FakeS3();
        var output = Execution(fake).Run(S3.GetOperation("ListObjectsV2"), new Dictionary<string, object?> { ["Bucket"] = "b" },
            new PagingArguments { NoPaginate = true, PageSize = 10, StartingToken = "tok" }, null, default).ToList();
        var page = Assert.IsType<Made>(Assert.Single(output));
        Assert.Equal("AwsCore.S3.ListObjectsV2Output", page.TypeName);
        Assert.Equal("t0", page["NextContinuationToken"]);
        var call = Assert.Single(fake.Calls);
        Assert.Equal(10, call.Input["MaxKeys"]);
        Assert.Equal("tok", call.Input["ContinuationToken"]);
        Assert.Equal("b", call.Input["Bucket"]);
    }

    [Fact]
    public void QueriesRunOverEachPageAndUnrollLists()
    {
        var fake = new FakeS3 { Pages = 2 };
        var keys = Execution(fake).Run(S3.GetOperation("ListObjectsV2"), new Dictionary<string, object?>(), new PagingArguments(), "Contents[].Key", default).ToList();
        Assert.Equal(new object?[] { "k0a", "k0b", "k1a", "k1b" }, keys);

        var objects = Execution(new FakeS3 { Pages = 1 }).Run(S3.GetOperation("ListObjectsV2"), new Dictionary<string, object?>(), new PagingArguments(), "Contents[].{name: Key}", default).ToList();
        var plain = Assert.IsType<Made>(objects[0]);
        Assert.Null(plain.TypeName);
        Assert.Equal("k0a", plain["name"]);
    }

    [Fact]
    public void OperationsWithoutPaginatorWriteTheOutputOnce()
    {
        var fake = new FakeS3();
        var output = Execution(fake).Run(S3.GetOperation("GetBucketLocation"), new Dictionary<string, object?> { ["Bucket"] = "b" }, new PagingArguments(), null, default).ToList();
        Assert.Equal("AwsCore.S3.GetBucketLocationOutput", Assert.IsType<Made>(Assert.Single(output)).TypeName);
        var e = Assert.Throws<ArgumentException>(() => Execution(fake).Run(S3.GetOperation("GetBucketLocation"), new Dictionary<string, object?>(), new PagingArguments { MaxItems = 3 }, null, default));
        Assert.Contains("s3.GetBucketLocation is not paginated", e.Message);
    }

    [Fact]
    public void BadQueriesFailBeforeAnyCall()
    {
        var fake = new FakeS3();
        Assert.ThrowsAny<JmesPathException>(() => Execution(fake).Run(S3.GetOperation("ListObjectsV2"), new Dictionary<string, object?>(), new PagingArguments(), "Contents[", default));
        Assert.Empty(fake.Calls);
    }

    [Fact]
    public void MaxItemsDoesNotCombineWithNoPaginate()
    {
        var e = Assert.Throws<ArgumentException>(() => Execution(new FakeS3()).Run(S3.GetOperation("ListObjectsV2"), new Dictionary<string, object?>(), new PagingArguments { NoPaginate = true, MaxItems = 1 }, null, default).ToList());
        Assert.Contains("-MaxItems", e.Message);
    }
}
