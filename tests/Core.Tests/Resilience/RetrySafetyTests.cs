using AwsCore.Http;
using AwsCore.Runtime;
using AwsCore.Tests.Support;
using System.Reflection;

namespace AwsCore.Tests.Resilience;

/// <summary>What must not be resent, and the standard retry quota that stops retry storms.</summary>
public sealed class RetrySafetyTests
{
    [Fact]
    public async Task ANonSeekableStreamingBodyIsNotResentAndTheServerErrorSurfaces()
    {
        // MediaStore Data PutObject streams its body with an unsigned payload, so a forward-only stream can be sent at
        // all over http (S3 over http must hash the body first, as botocore does).
        using var fault = new FaultServer((_, _, c) => c.Respond(500, "{\"Message\":\"fault server\"}",
            ("Content-Type", "application/json"), ("x-amzn-ErrorType", "InternalServerError")));
        var client = FaultClients.Create(fault.Server, "mediastore-data", RetryMode.Standard);
        var payload = new byte[10_000];
        new Random(7).NextBytes(payload);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.InvokeAsync("PutObject", new Dictionary<string, object?>
        {
            ["Path"] = "folder/once", ["Body"] = new ForwardOnlyStream(payload),
        }));

        Assert.Equal("InternalServerError", error.ErrorCode);
        Assert.Single(fault.Requests);
        Assert.Equal(payload, fault.Requests[0].Body);
    }

    [Fact]
    public async Task ASeekableStreamingBodyIsResentWhole()
    {
        using var fault = new FaultServer((attempt, _, c) => attempt == 1
            ? c.Respond(500, "<Error><Code>InternalError</Code><Message>fault server</Message></Error>", ("Content-Type", "application/xml"))
            : c.Respond(200, "", ("ETag", "\"e\"")));
        var client = FaultClients.Create(fault.Server, "s3", RetryMode.Standard);
        var payload = new byte[10_000];
        new Random(8).NextBytes(payload);

        await client.InvokeAsync("PutObject", new Dictionary<string, object?>
        {
            ["Bucket"] = "bucket", ["Key"] = "twice", ["Body"] = new MemoryStream(payload),
        });

        Assert.Equal(2, fault.Requests.Count);
        Assert.Equal(fault.Requests[0].Body, fault.Requests[1].Body);
    }

    [Fact]
    public async Task TheStandardRetryQuotaRunsOutAfterFiftyFailingCallsOnASharedClient()
    {
        using var fault = new FaultServer((_, _, c) => Answers.DynamoDbError(c, 500, "InternalServerError"));
        var client = FaultClients.Create(fault.Server, "dynamodb", RetryMode.Standard);
        var strategy = Assert.IsType<StandardRetryStrategy>(RetryStrategyOf(client));
        // Zero jitter, so 100 retries take milliseconds; the quota arithmetic is untouched.
        typeof(StandardRetryStrategy).GetField("_random", BindingFlags.NonPublic | BindingFlags.Instance)!.SetValue(strategy, (Func<double>)(() => 0.0));

        // 500 units, 5 per retry, 2 retries per call: 50 calls of 3 attempts each.
        for (var call = 1; call <= 50; call++)
            await Assert.ThrowsAsync<AwsServiceException>(() => client.InvokeAsync("ListTables"));
        Assert.Equal(150, fault.Requests.Count);
        Assert.Equal(0, strategy.Quota.Available);

        var decisions = new List<object?>();
        client.Events.Register("needs-retry", e => { decisions.Add(e.Context["retry_decision"]); return null; });
        await Assert.ThrowsAsync<AwsServiceException>(() => client.InvokeAsync("ListTables"));

        Assert.Equal(151, fault.Requests.Count);
        Assert.Contains("RetryQuotaReached", Assert.Single(decisions)!.ToString());
    }

    /// <summary>The client's retry strategy, which the public API does not expose.</summary>
    private static RetryStrategy RetryStrategyOf(AwsClient client)
    {
        var field = typeof(AwsClient).GetField("_context", BindingFlags.NonPublic | BindingFlags.Instance)
            ?? throw new InvalidOperationException("AwsClient no longer holds its ClientContext in _context; update this test");
        return ((ClientContext)field.GetValue(client)!).Retries;
    }
}
