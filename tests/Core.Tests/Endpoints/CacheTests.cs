using AwsCore.Endpoints;

namespace AwsCore.Tests.Endpoints;

public sealed class CacheTests
{
    private static readonly Lazy<EndpointRuleSet> S3 = new(() => EndpointRuleSet.Load(
        PythonBotocore.ServiceFile("s3", "endpoint-rule-set-1.json"),
        PartitionSet.Load(Path.Combine(PythonBotocore.Data, "partitions.json"))));

    private static Dictionary<string, object?> Params(string bucket, string region = "us-west-2") => new()
    {
        ["Region"] = region, ["UseFIPS"] = false, ["UseDualStack"] = false, ["Bucket"] = bucket,
    };

    [Fact]
    public void RepeatedParametersAreAnsweredFromTheCache()
    {
        var provider = new EndpointProvider(S3.Value);
        var first = provider.Resolve(Params("bucket"));
        var second = provider.Resolve(Params("bucket"));
        Assert.Same(first, second);
        Assert.Equal(1, provider.CacheHits);
        Assert.Equal("https://bucket.s3.us-west-2.amazonaws.com", first.Url);
        var other = provider.Resolve(Params("other"));
        Assert.Equal("https://other.s3.us-west-2.amazonaws.com", other.Url);
        Assert.Equal(1, provider.CacheHits);
    }

    [Fact]
    public void UndeclaredParametersDoNotSplitTheCache()
    {
        var provider = new EndpointProvider(S3.Value);
        provider.Resolve(Params("bucket"));
        var withExtra = Params("bucket");
        withExtra["NotAParameter"] = "x";
        provider.Resolve(withExtra);
        Assert.Equal(1, provider.CacheHits);
    }

    [Fact]
    public void ErrorsAreNotCached()
    {
        var provider = new EndpointProvider(S3.Value);
        var bad = Params("bucket");
        bad["Region"] = "invalid region";
        Assert.Throws<EndpointResolutionException>(() => provider.Resolve(bad));
        Assert.Throws<EndpointResolutionException>(() => provider.Resolve(bad));
        Assert.Equal(0, provider.CacheHits);
    }

    [Fact]
    public void TheLeastRecentlyUsedEntryIsEvicted()
    {
        var provider = new EndpointProvider(S3.Value, cacheCapacity: 2);
        provider.Resolve(Params("a1a"));
        provider.Resolve(Params("b2b"));
        provider.Resolve(Params("a1a"));
        provider.Resolve(Params("c3c"));
        Assert.Equal(1, provider.CacheHits);
        provider.Resolve(Params("a1a"));
        Assert.Equal(2, provider.CacheHits);
        provider.Resolve(Params("b2b"));
        Assert.Equal(2, provider.CacheHits);
    }

    [Fact]
    public void ConcurrentResolutionsAgree()
    {
        var provider = new EndpointProvider(S3.Value, cacheCapacity: 8);
        var buckets = Enumerable.Range(0, 32).Select(i => $"bucket-{i:D2}").ToArray();
        var regions = new[] { "us-east-1", "eu-west-1", "ap-south-1" };
        var failures = 0;
        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var bucket = buckets[i % buckets.Length];
            var region = regions[i % regions.Length];
            var url = provider.Resolve(Params(bucket, region)).Url;
            if (url != $"https://{bucket}.s3.{region}.amazonaws.com") Interlocked.Increment(ref failures);
        });
        Assert.Equal(0, failures);
    }
}
