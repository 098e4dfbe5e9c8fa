using AwsCore.Http;
using AwsCore.Runtime;

namespace AwsCore.Tests.Resilience;

/// <summary>Legacy mode for a service on _retry.json's defaults: 5 attempts, delay rand * 2^(attempt-1).</summary>
public sealed class LegacyStsRetryTests
{
    [Fact]
    public async Task StsThrottlingIsTriedFiveTimesWithRandomExponentialDelays()
    {
        using var fault = new FaultServer((_, _, c) => Answers.StsError(c, 400, "Throttling"));
        var client = FaultClients.Create(fault.Server, "sts", RetryMode.Legacy);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.InvokeAsync("GetCallerIdentity"));

        Assert.Equal("Throttling", error.ErrorCode);
        Assert.Equal(5, fault.Requests.Count);
        var gaps = fault.Gaps();
        for (var i = 0; i < gaps.Length; i++) Assert.InRange(gaps[i], 0, Math.Pow(2, i) + 0.75);
    }

    [Fact]
    public async Task ANonRetryableCodeIsSentOnceInLegacyModeToo()
    {
        using var fault = new FaultServer((_, _, c) => Answers.StsError(c, 400, "ValidationError"));
        var client = FaultClients.Create(fault.Server, "sts", RetryMode.Legacy);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.InvokeAsync("GetCallerIdentity"));

        Assert.Equal("ValidationError", error.ErrorCode);
        Assert.Single(fault.Requests);
    }
}

/// <summary>Legacy mode for DynamoDB: 10 attempts, fixed delays of 0.05 * 2^(attempt-1) s (its own _retry.json entry).</summary>
public sealed class LegacyDynamoDbRetryTests
{
    [Fact]
    public async Task DynamoDbThrottlingIsRetriedUpToTheTenthAttemptWithItsFixedDelays()
    {
        // Nine throttles, then an answer: the tenth attempt is still made. (Ten throttles would add 12.8 s of waiting to
        // prove the stop; the stop at max attempts is shown by the STS case.)
        using var fault = new FaultServer((attempt, _, c) =>
            attempt < 10 ? Answers.DynamoDbError(c, 400, "ThrottlingException") : Answers.DynamoDbTables(c));
        var client = FaultClients.Create(fault.Server, "dynamodb", RetryMode.Legacy);

        var output = await client.InvokeAsync("ListTables");

        Assert.Equal(new object?[] { "t1" }, (IEnumerable<object?>)output["TableNames"]!);
        Assert.Equal(10, fault.Requests.Count);
        var gaps = fault.Gaps();
        for (var i = 0; i < gaps.Length; i++)
        {
            var expected = 0.05 * Math.Pow(2, i);
            Assert.InRange(gaps[i], expected - 0.05, expected + 1.5);
        }
    }

    [Fact]
    public async Task DynamoDbStopsAfterTenAttemptsWhenMaxAttemptsAllowsNoMore()
    {
        // _retry.json's DynamoDB count is what the first test relies on; here the configured total bounds it.
        using var fault = new FaultServer((_, _, c) => Answers.DynamoDbError(c, 400, "ProvisionedThroughputExceededException"));
        var client = FaultClients.Create(fault.Server, "dynamodb", RetryMode.Legacy, maxAttempts: 4);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.InvokeAsync("ListTables"));

        Assert.Equal("ProvisionedThroughputExceededException", error.ErrorCode);
        Assert.Equal(4, fault.Requests.Count);
    }
}
