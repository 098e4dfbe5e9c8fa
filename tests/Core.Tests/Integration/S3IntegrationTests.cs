using System.Security.Cryptography;
using System.Text;
using AwsCore.Models;
using AwsCore.Runtime;
using AwsCore.Tests.Support;

namespace AwsCore.Tests.Integration;

[Collection(MotoCollection.Name)]
public sealed class S3IntegrationTests
{
    private readonly MotoServer _moto;

    public S3IntegrationTests(MotoServer moto) => _moto = moto;

    private AwsClient S3() => MotoClients.Create(_moto, "s3");

    private static async Task<byte[]> ReadBody(IDictionary<string, object?> output)
    {
        using var stream = Assert.IsAssignableFrom<Stream>(output["Body"]);
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task BucketLifecycleAndObjectsRoundTrip()
    {
        var s3 = S3();
        var bucket = MotoClients.Unique("awscore-life");
        await s3.InvokeAsync("CreateBucket", new Dictionary<string, object?> { ["Bucket"] = bucket });
        var buckets = await s3.InvokeAsync("ListBuckets");
        Assert.Contains(buckets.Get<List<object?>>("Buckets"), b => (string?)MotoClients.Walk(b, "Name") == bucket);

        var key = "dir/with space/ünïcode+plus&amp.txt";
        var body = Encoding.UTF8.GetBytes("hello from AwsCore");
        var put = await s3.InvokeAsync("PutObject", new Dictionary<string, object?>
        {
            ["Bucket"] = bucket, ["Key"] = key, ["Body"] = body, ["ContentType"] = "text/plain",
            ["Metadata"] = new Dictionary<string, object?> { ["origin"] = "test" },
        });
        Assert.False(string.IsNullOrEmpty(put.Get<string>("ETag")));

        var got = await s3.InvokeAsync("GetObject", new Dictionary<string, object?> { ["Bucket"] = bucket, ["Key"] = key });
        Assert.Equal("text/plain", got.Get<string>("ContentType"));
        Assert.Equal("test", got.Get<string>("Metadata", "origin"));
        Assert.Equal(body, await ReadBody(got));

        await s3.InvokeAsync("CopyObject", new Dictionary<string, object?> { ["Bucket"] = bucket, ["Key"] = "copy.txt", ["CopySource"] = $"{bucket}/{key}" });
        var copied = await s3.InvokeAsync("GetObject", new Dictionary<string, object?> { ["Bucket"] = bucket, ["Key"] = "copy.txt" });
        Assert.Equal(body, await ReadBody(copied));

        var listed = await s3.InvokeAsync("ListObjectsV2", new Dictionary<string, object?> { ["Bucket"] = bucket });
        var keys = listed.Get<List<object?>>("Contents").Select(c => (string?)MotoClients.Walk(c, "Key")).ToArray();
        Assert.Equal(new[] { "copy.txt", key }, keys.OrderBy(k => k, StringComparer.Ordinal).ToArray());

        foreach (var k in new[] { key, "copy.txt" })
            await s3.InvokeAsync("DeleteObject", new Dictionary<string, object?> { ["Bucket"] = bucket, ["Key"] = k });
        await s3.InvokeAsync("DeleteBucket", new Dictionary<string, object?> { ["Bucket"] = bucket });
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => s3.InvokeAsync("HeadBucket", new Dictionary<string, object?> { ["Bucket"] = bucket }));
        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task AMissingKeyIsNoSuchKeyWithItsStatusAndRequestId()
    {
        var s3 = S3();
        var bucket = MotoClients.Unique("awscore-missing");
        await s3.InvokeAsync("CreateBucket", new Dictionary<string, object?> { ["Bucket"] = bucket });
        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            s3.InvokeAsync("GetObject", new Dictionary<string, object?> { ["Bucket"] = bucket, ["Key"] = "absent" }));
        Assert.Equal("NoSuchKey", error.ErrorCode);
        Assert.Equal(404, error.StatusCode);
        Assert.Equal("GetObject", error.Operation);
    }

    [Fact]
    public async Task PutObjectSendsACrc32ChecksumAndGetObjectValidatesIt()
    {
        var s3 = S3();
        var bucket = MotoClients.Unique("awscore-sum");
        await s3.InvokeAsync("CreateBucket", new Dictionary<string, object?> { ["Bucket"] = bucket });
        var body = new byte[100_000];
        new Random(3).NextBytes(body);
        var put = await s3.InvokeAsync("PutObject", new Dictionary<string, object?> { ["Bucket"] = bucket, ["Key"] = "k", ["Body"] = body });
        Assert.False(string.IsNullOrEmpty(put.Get<string>("ChecksumCRC32")));
        var got = await s3.InvokeAsync("GetObject", new Dictionary<string, object?> { ["Bucket"] = bucket, ["Key"] = "k" });
        Assert.Equal(body, await ReadBody(got));

        var sha = await s3.InvokeAsync("PutObject", new Dictionary<string, object?>
            { ["Bucket"] = bucket, ["Key"] = "s", ["Body"] = body, ["ChecksumAlgorithm"] = "SHA256" });
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(body)), sha.Get<string>("ChecksumSHA256"));
    }

    [Fact]
    public async Task AStreamedUploadFromAFileRoundTrips()
    {
        var s3 = S3();
        var bucket = MotoClients.Unique("awscore-stream");
        await s3.InvokeAsync("CreateBucket", new Dictionary<string, object?> { ["Bucket"] = bucket });
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "upload.bin");
        var data = new byte[2 * 1024 * 1024 + 17];
        new Random(5).NextBytes(data);
        File.WriteAllBytes(path, data);
        using (var file = File.OpenRead(path))
            await s3.InvokeAsync("PutObject", new Dictionary<string, object?> { ["Bucket"] = bucket, ["Key"] = "big", ["Body"] = file });
        var got = await s3.InvokeAsync("GetObject", new Dictionary<string, object?> { ["Bucket"] = bucket, ["Key"] = "big" });
        Assert.Equal(data, await ReadBody(got));
    }

    [Fact]
    public async Task MultipartUploadCompletes()
    {
        var s3 = S3();
        var bucket = MotoClients.Unique("awscore-mpu");
        await s3.InvokeAsync("CreateBucket", new Dictionary<string, object?> { ["Bucket"] = bucket });
        var upload = await s3.InvokeAsync("CreateMultipartUpload", new Dictionary<string, object?> { ["Bucket"] = bucket, ["Key"] = "mpu" });
        var uploadId = upload.Get<string>("UploadId");
        var part1 = new byte[5 * 1024 * 1024];
        var part2 = Encoding.ASCII.GetBytes("tail");
        new Random(9).NextBytes(part1);
        var parts = new List<object?>();
        var number = 1;
        foreach (var part in new[] { part1, part2 })
        {
            var result = await s3.InvokeAsync("UploadPart", new Dictionary<string, object?>
                { ["Bucket"] = bucket, ["Key"] = "mpu", ["UploadId"] = uploadId, ["PartNumber"] = number, ["Body"] = part });
            parts.Add(new Dictionary<string, object?> { ["ETag"] = result.Get<string>("ETag"), ["PartNumber"] = number });
            number++;
        }
        await s3.InvokeAsync("CompleteMultipartUpload", new Dictionary<string, object?>
        {
            ["Bucket"] = bucket, ["Key"] = "mpu", ["UploadId"] = uploadId,
            ["MultipartUpload"] = new Dictionary<string, object?> { ["Parts"] = parts },
        });
        var got = await s3.InvokeAsync("GetObject", new Dictionary<string, object?> { ["Bucket"] = bucket, ["Key"] = "mpu" });
        Assert.Equal(part1.Concat(part2).ToArray(), await ReadBody(got));
    }

    [Fact]
    public async Task ListingTwoAndAHalfThousandKeysPagesThroughEveryKey()
    {
        var s3 = S3();
        var bucket = MotoClients.Unique("awscore-list");
        await s3.InvokeAsync("CreateBucket", new Dictionary<string, object?> { ["Bucket"] = bucket });
        var expected = Enumerable.Range(0, 2500).Select(i => $"key/{i:D5}").ToArray();
        await Task.WhenAll(expected.Chunk(250).Select(async chunk =>
        {
            foreach (var key in chunk)
                await s3.InvokeAsync("PutObject", new Dictionary<string, object?> { ["Bucket"] = bucket, ["Key"] = key, ["Body"] = Array.Empty<byte>() });
        }));
        var requests = 0;
        s3.Events.Register("before-send.s3.ListObjectsV2", _ => { Interlocked.Increment(ref requests); return null; });
        var keys = s3.Paginate("ListObjectsV2", new Dictionary<string, object?> { ["Bucket"] = bucket }, new PaginationOptions { PageSize = 1000 })
            .Items().Select(c => (string)MotoClients.Walk(c, "Key")!).ToList();
        var pages = requests;
        Assert.Equal(3, pages);
        Assert.Equal(expected, keys);

        requests = 0;
        var firstFive = s3.Paginate("ListObjectsV2", new Dictionary<string, object?> { ["Bucket"] = bucket }, new PaginationOptions { PageSize = 1000 })
            .Items().Take(5).ToList();
        Assert.Equal(5, firstFive.Count);
        Assert.Equal(1, requests);

        var first = s3.Paginate("ListObjects", new Dictionary<string, object?> { ["Bucket"] = bucket }, new PaginationOptions { MaxItems = 1200, PageSize = 1000 });
        var firstKeys = first.Items().Select(c => (string)MotoClients.Walk(c, "Key")!).ToList();
        Assert.Equal(expected.Take(1200), firstKeys);
        Assert.NotNull(first.ResumeToken);
        var rest = s3.Paginate("ListObjects", new Dictionary<string, object?> { ["Bucket"] = bucket }, new PaginationOptions { StartingToken = first.ResumeToken, PageSize = 1000 })
            .Items().Select(c => (string)MotoClients.Walk(c, "Key")!).ToList();
        Assert.Equal(expected.Skip(1200), rest);
    }

    [Fact]
    public async Task BucketExistsAndObjectExistsWaitersSucceed()
    {
        var s3 = S3();
        var bucket = MotoClients.Unique("awscore-wait");
        await s3.InvokeAsync("CreateBucket", new Dictionary<string, object?> { ["Bucket"] = bucket });
        var fast = new WaiterOptions { Delay = TimeSpan.FromMilliseconds(50), MaxAttempts = 5 };
        await s3.WaitAsync("BucketExists", new Dictionary<string, object?> { ["Bucket"] = bucket }, fast);
        await s3.InvokeAsync("PutObject", new Dictionary<string, object?> { ["Bucket"] = bucket, ["Key"] = "k", ["Body"] = "x" });
        await s3.WaitAsync("ObjectExists", new Dictionary<string, object?> { ["Bucket"] = bucket, ["Key"] = "k" }, fast);
        var error = await Assert.ThrowsAsync<WaiterException>(() =>
            s3.WaitAsync("ObjectExists", new Dictionary<string, object?> { ["Bucket"] = bucket, ["Key"] = "absent" }, new WaiterOptions { Delay = TimeSpan.FromMilliseconds(20), MaxAttempts = 2 }));
        Assert.Contains("ObjectExists", error.Message);
    }
}
