using AwsCore.Http;
using AwsCore.Runtime;
using System.Text;

namespace AwsCore.Tests.Resilience;

/// <summary>
/// Standard mode through AwsClient against a loopback fault server: 3 attempts, a jittered delay below 2^(attempt-1) s,
/// transport failures retried, nothing retried that must not be.
/// </summary>
public sealed class StandardRetryTests
{
    // Scheduling slack on a shared 2-core machine, added to every upper bound.
    private const double Slack = 0.75;

    [Theory]
    [InlineData(400, "ThrottlingException")]
    [InlineData(500, "InternalServerError")]
    [InlineData(503, "ServiceUnavailable")]
    public async Task DynamoDbErrorsAreTriedThreeTimesWithBoundedBackoff(int status, string code)
    {
        using var fault = new FaultServer((_, _, c) => Answers.DynamoDbError(c, status, code));
        var client = FaultClients.Create(fault.Server, "dynamodb", RetryMode.Standard);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.InvokeAsync("ListTables"));

        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(3, fault.Requests.Count);
        Assert.Equal(2, RetryAttempts(error.Response));
        AssertStandardBackoff(fault.Gaps());
    }

    [Theory]
    [InlineData(400, "Throttling")]
    [InlineData(500, "InternalFailure")]
    [InlineData(503, "ServiceUnavailable")]
    public async Task StsErrorsAreTriedThreeTimesWithBoundedBackoff(int status, string code)
    {
        using var fault = new FaultServer((_, _, c) => Answers.StsError(c, status, code));
        var client = FaultClients.Create(fault.Server, "sts", RetryMode.Standard);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.InvokeAsync("GetCallerIdentity"));

        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(3, fault.Requests.Count);
        AssertStandardBackoff(fault.Gaps());
    }

    [Fact]
    public async Task AThrottledCallThatRecoversReturnsTheParsedOutput()
    {
        using var fault = new FaultServer((attempt, _, c) =>
            attempt < 3 ? Answers.StsError(c, 400, "Throttling") : Answers.StsIdentity(c));
        var client = FaultClients.Create(fault.Server, "sts", RetryMode.Standard);

        var output = await client.InvokeAsync("GetCallerIdentity");

        Assert.Equal("123456789012", output["Account"]);
        Assert.Equal(3, fault.Requests.Count);
        Assert.Equal(2, RetryAttempts(output));
        // Every attempt is signed afresh: the same body, each with its own Authorization header.
        Assert.All(fault.Requests, r => Assert.StartsWith("AWS4-HMAC-SHA256 Credential=" + FaultClients.AccessKey, r.Headers["Authorization"]));
    }

    [Fact]
    public async Task ANonRetryableValidationErrorIsSentExactlyOnce()
    {
        using var fault = new FaultServer((_, _, c) => Answers.DynamoDbError(c, 400, "ValidationException"));
        var client = FaultClients.Create(fault.Server, "dynamodb", RetryMode.Standard);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.InvokeAsync("ListTables"));

        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Single(fault.Requests);
        Assert.Equal(0, RetryAttempts(error.Response));
    }

    /// <summary>ResponseMetadata.RetryAttempts, which botocore sets on outputs and error responses to the retries made.</summary>
    private static object? RetryAttempts(IReadOnlyDictionary<string, object?> parsed) =>
        ((IDictionary<string, object?>)parsed["ResponseMetadata"]!)["RetryAttempts"];

    [Fact]
    public async Task ConnectionResetsAreRetriedThenSurfacedAsTransportErrors()
    {
        using var fault = new FaultServer((_, _, c) => { c.Reset(); return Task.CompletedTask; });
        var client = FaultClients.Create(fault.Server, "dynamodb", RetryMode.Standard);

        var error = await Assert.ThrowsAsync<AwsTransportException>(() => client.InvokeAsync("ListTables"));

        Assert.NotEqual(TransportFailure.ReadTimeout, error.Failure);
        Assert.Equal(3, fault.Requests.Count);
        AssertStandardBackoff(fault.Gaps());
    }

    [Fact]
    public async Task AResetThenAnAnswerSucceeds()
    {
        using var fault = new FaultServer((attempt, _, c) =>
        {
            if (attempt == 1) { c.Reset(); return Task.CompletedTask; }
            return Answers.DynamoDbTables(c);
        });
        var client = FaultClients.Create(fault.Server, "dynamodb", RetryMode.Standard);

        var output = await client.InvokeAsync("ListTables");

        Assert.Equal(new object?[] { "t1" }, (IEnumerable<object?>)output["TableNames"]!);
        Assert.Equal(2, fault.Requests.Count);
    }

    [Fact]
    public async Task ATruncatedResponseIsRetried()
    {
        using var fault = new FaultServer(async (attempt, _, c) =>
        {
            if (attempt > 1) { await Answers.StsIdentity(c); return; }
            // Promises 400 bytes of body, sends 20, then hangs up.
            await c.WriteRaw(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 400\r\n\r\n<GetCallerIdentityRe"));
            c.Close();
        });
        var client = FaultClients.Create(fault.Server, "sts", RetryMode.Standard);

        var output = await client.InvokeAsync("GetCallerIdentity");

        Assert.Equal("arn:aws:iam::123456789012:user/fault", output["Arn"]);
        Assert.Equal(2, fault.Requests.Count);
    }

    [Fact]
    public async Task ASlowResponsePastTheReadTimeoutIsRetried()
    {
        using var fault = new FaultServer(async (attempt, _, c) =>
        {
            if (attempt == 1) await Task.Delay(TimeSpan.FromSeconds(3));
            await Answers.StsIdentity(c);
        });
        var client = FaultClients.Create(fault.Server, "sts", RetryMode.Standard, readTimeout: TimeSpan.FromMilliseconds(400));

        var started = DateTime.UtcNow;
        var output = await client.InvokeAsync("GetCallerIdentity");

        Assert.Equal("123456789012", output["Account"]);
        Assert.Equal(2, fault.Requests.Count);
        // The first attempt was abandoned at the read timeout, not waited out.
        Assert.InRange((DateTime.UtcNow - started).TotalSeconds, 0.35, 0.4 + 1 + Slack);
    }

    [Fact]
    public async Task ResponsesAlwaysSlowerThanTheReadTimeoutEndInAReadTimeout()
    {
        using var fault = new FaultServer(async (_, _, c) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            await Answers.StsIdentity(c);
        });
        var client = FaultClients.Create(fault.Server, "sts", RetryMode.Standard, readTimeout: TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<AwsTransportException>(() => client.InvokeAsync("GetCallerIdentity"));

        Assert.Equal(TransportFailure.ReadTimeout, error.Failure);
        Assert.Equal(3, fault.Requests.Count);
    }

    [Fact]
    public async Task MaxAttemptsFromConfigIsHonoured()
    {
        using var fault = new FaultServer((_, _, c) => Answers.DynamoDbError(c, 500, "InternalServerError"));
        var client = FaultClients.Create(fault.Server, "dynamodb", RetryMode.Standard, maxAttempts: 1);

        await Assert.ThrowsAsync<AwsServiceException>(() => client.InvokeAsync("ListTables"));

        Assert.Single(fault.Requests);
    }

    /// <summary>Standard mode's delay before retry i is drawn from [0, 2^(i-1)) seconds.</summary>
    internal static void AssertStandardBackoff(double[] gaps)
    {
        for (var i = 0; i < gaps.Length; i++)
            Assert.InRange(gaps[i], 0, Math.Pow(2, i) + Slack);
    }
}
