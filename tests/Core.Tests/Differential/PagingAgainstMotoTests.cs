using System.Text.Json;
using System.Text.Json.Nodes;
using AwsCore.Runtime;
using AwsCore.Tests.Integration;
using AwsCore.Tests.Support;

namespace AwsCore.Tests.Differential;

/// <summary>
/// S3 listing of 2,500 keys through AwsClient.Paginate and through botocore's paginator, over the same moto state:
/// MaxItems cuts inside a page, and the resume tokens are equal and interchangeable in both directions.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class PagingAgainstMotoTests
{
    private const int KeyCount = 2500;
    private const int FirstRun = 1500;
    private const int SecondRun = 700;
    private static readonly SemaphoreSlim FillOnce = new(1, 1);
    private static string? _bucket;

    private readonly MotoServer _moto;

    public PagingAgainstMotoTests(MotoServer moto) => _moto = moto;

    private static IReadOnlyList<string> AllKeys { get; } =
        Enumerable.Range(0, KeyCount).Select(i => $"data/{i / 100:D2}/item {i:D5}.txt").OrderBy(k => k, StringComparer.Ordinal).ToList();

    [Theory]
    [InlineData("ListObjectsV2")]
    [InlineData("ListObjects")]
    public async Task TokensAndItemsMatchBotocoreAndResumeEachOther(string operation)
    {
        var s3 = MotoClients.Create(_moto, "s3");
        var bucket = await FilledBucket(s3);

        var (ourKeys, ourToken) = await ListWithAwsCore(s3, operation, bucket, FirstRun, startingToken: null);
        Assert.Equal(AllKeys.Take(FirstRun), ourKeys);
        Assert.NotNull(ourToken);

        var botocore = RunBotocore(operation, bucket, (FirstRun, null), (SecondRun, ourToken));
        Assert.Equal(ourKeys, botocore[0].Keys);
        Assert.Equal(ourToken, botocore[0].Token);

        // AwsCore's token resumed in botocore, and botocore's in AwsCore, both crossing the 2,000-key page boundary.
        var expectedSecond = AllKeys.Skip(FirstRun).Take(SecondRun).ToList();
        Assert.Equal(expectedSecond, botocore[1].Keys);
        var (resumedKeys, resumedToken) = await ListWithAwsCore(s3, operation, bucket, SecondRun, botocore[0].Token);
        Assert.Equal(expectedSecond, resumedKeys);
        Assert.NotNull(resumedToken);
        Assert.Equal(botocore[1].Token, resumedToken);

        var (restKeys, restToken) = await ListWithAwsCore(s3, operation, bucket, KeyCount, resumedToken);
        Assert.Equal(AllKeys.Skip(FirstRun + SecondRun), restKeys);
        Assert.Null(restToken);
    }

    private async Task<string> FilledBucket(AwsClient s3)
    {
        await FillOnce.WaitAsync();
        try
        {
            if (_bucket != null) return _bucket;
            var bucket = MotoClients.Unique("awscore-paging");
            await s3.InvokeAsync("CreateBucket", new Dictionary<string, object?> { ["Bucket"] = bucket });
            using var gate = new SemaphoreSlim(8);
            await Task.WhenAll(AllKeys.Select(async key =>
            {
                await gate.WaitAsync();
                try
                {
                    await s3.InvokeAsync("PutObject", new Dictionary<string, object?> { ["Bucket"] = bucket, ["Key"] = key, ["Body"] = key });
                }
                finally
                {
                    gate.Release();
                }
            }));
            return _bucket = bucket;
        }
        finally
        {
            FillOnce.Release();
        }
    }

    private static async Task<(List<string> Keys, string? Token)> ListWithAwsCore(AwsClient s3, string operation, string bucket, int maxItems, string? startingToken)
    {
        var pages = s3.Paginate(operation, new Dictionary<string, object?> { ["Bucket"] = bucket },
            new PaginationOptions { MaxItems = maxItems, StartingToken = startingToken });
        var keys = new List<string>();
        await foreach (var item in pages.ItemsAsync()) keys.Add((string)MotoClients.Walk(item, "Key")!);
        return (keys, pages.ResumeToken);
    }

    private List<(List<string> Keys, string? Token)> RunBotocore(string operation, string bucket, params (int MaxItems, string? StartingToken)[] runs)
    {
        var jobs = runs.Select(run => new JsonObject
        {
            ["endpoint"] = _moto.Url,
            ["region"] = "us-east-1",
            ["accessKey"] = MotoClients.Credentials.AccessKeyId,
            ["secretKey"] = MotoClients.Credentials.SecretAccessKey,
            ["service"] = "s3",
            ["operation"] = operation,
            ["params"] = new JsonObject { ["Bucket"] = bucket },
            ["maxItems"] = run.MaxItems,
            ["startingToken"] = run.StartingToken,
        }.ToJsonString());
        return PythonScript.Run("botocore_paging.py", jobs).Select(line =>
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.TryGetProperty("error", out var error)) throw new InvalidOperationException("botocore's paginator failed: " + error.GetString());
            var token = root.GetProperty("token");
            return (root.GetProperty("items").EnumerateArray().Select(e => e.GetString()!).ToList(),
                token.ValueKind == JsonValueKind.Null ? null : token.GetString());
        }).ToList();
    }
}
