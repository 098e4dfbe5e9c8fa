using System.Text;
using System.Text.Json;
using AwsCore.Credentials;
using AwsCore.Runtime;
using AwsCore.Tests.Integration;
using AwsCore.Tests.Support;

namespace AwsCore.Tests.Differential;

/// <summary>
/// 100,000 DynamoDB items paged through AwsClient from a loopback server answering Scan pages of 1,000 items with
/// LastEvaluatedKey: every item arrives once, in order, and the memory held does not grow with the items seen.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class LargeScanMemoryTests
{
    private const int TotalItems = 100_000;
    private const int PageItems = 1_000;

    [Fact]
    public async Task OneHundredThousandItemsPageThroughWithFlatMemory()
    {
        var requests = 0;
        using var server = new LoopbackServer((request, connection) =>
        {
            Interlocked.Increment(ref requests);
            return AnswerScanPage(request, connection);
        }, recordRequests: false);
        var dynamodb = AwsClientFactory.Create("dynamodb", new ClientOptions
        {
            Region = "us-east-1",
            EndpointUrl = server.Url.ToString(),
            Credentials = new AwsCredentials("AKIDLOOPBACK", "loopback-secret", source: "test"),
            Environment = MotoClients.IsolatedEnvironment(),
        });

        var seen = 0;
        long at10k = 0, at100k = 0;
        await foreach (var item in dynamodb.PaginateItemsAsync("Scan", new Dictionary<string, object?> { ["TableName"] = "Big" }, null))
        {
            Assert.Equal(seen.ToString("D6"), (string)MotoClients.Walk(item, "id", "S")!);
            seen++;
            if (seen == 10_000) at10k = SettledMemory();
            if (seen == TotalItems) at100k = SettledMemory();
        }

        Assert.Equal(TotalItems, seen);
        Assert.Equal(TotalItems / PageItems, requests);
        var growth = at100k - at10k;
        // Holding the 90,000 items in between would take well over 30 MB (each is a dictionary tree of several objects);
        // the allowance covers the runtime's pools and the transport's per-connection buffers, which settle at a few MB.
        Assert.True(growth < 6 * 1024 * 1024, $"memory grew by {growth:N0} bytes between item 10,000 and item 100,000");
    }

    /// <summary>GC.GetTotalMemory after a compacting collection of every generation and the large object heap, so freed pages do not count.</summary>
    private static long SettledMemory()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>The page after the request's ExclusiveStartKey (or the first page), with LastEvaluatedKey unless it is the last.</summary>
    private static Task AnswerScanPage(LoopbackRequest request, LoopbackConnection connection)
    {
        using var input = JsonDocument.Parse(request.Body);
        var start = input.RootElement.TryGetProperty("ExclusiveStartKey", out var key) ? int.Parse(key.GetProperty("id").GetProperty("S").GetString()!) + 1 : 0;
        var end = Math.Min(start + PageItems, TotalItems);
        var body = new StringBuilder("{\"Items\":[");
        for (var i = start; i < end; i++)
        {
            if (i > start) body.Append(',');
            body.Append("{\"id\":{\"S\":\"").Append(i.ToString("D6")).Append("\"},\"payload\":{\"S\":\"").Append('x', 64).Append("\"}}");
        }
        body.Append("],\"Count\":").Append(end - start).Append(",\"ScannedCount\":").Append(end - start);
        if (end < TotalItems) body.Append(",\"LastEvaluatedKey\":{\"id\":{\"S\":\"").Append((end - 1).ToString("D6")).Append("\"}}");
        body.Append('}');
        return connection.Respond(200, body.ToString(), ("Content-Type", "application/x-amz-json-1.0"), ("x-amzn-RequestId", "loopback-" + start));
    }
}
