using AwsCore.Http;
using AwsCore.Runtime;

namespace AwsCore.Tests.Resilience;

/// <summary>
/// Adaptive mode: standard's 3 attempts, plus a client-side token bucket that a throttling answer switches on. At the
/// bucket's starting rates (at most ~1.1 tokens/s after the first throttle) every later send waits for a token.
/// </summary>
public sealed class AdaptiveRetryTests
{
    [Fact]
    public async Task ThrottlingIsTriedThreeTimesAndTheRetriesWaitForTheRateLimiter()
    {
        using var fault = new FaultServer((_, _, c) => Answers.DynamoDbError(c, 400, "ThrottlingException"));
        var client = FaultClients.Create(fault.Server, "dynamodb", RetryMode.Adaptive);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.InvokeAsync("ListTables"));

        Assert.Equal("ThrottlingException", error.ErrorCode);
        Assert.Equal(3, fault.Requests.Count);
        var gaps = fault.Gaps();
        // Standard backoff alone is uniform in [0, 1) s before the second attempt; the token bucket makes it ~1/rate.
        Assert.InRange(gaps[0], 0.85, 2.5);
    }

    [Fact]
    public async Task AfterAThrottleEvenSuccessfulCallsAreRateLimited()
    {
        using var fault = new FaultServer((attempt, _, c) =>
            attempt == 1 ? Answers.DynamoDbError(c, 400, "ThrottlingException") : Answers.DynamoDbTables(c));
        var client = FaultClients.Create(fault.Server, "dynamodb", RetryMode.Adaptive);
        await client.InvokeAsync("ListTables");

        var started = DateTime.UtcNow;
        for (var i = 0; i < 3; i++) await client.InvokeAsync("ListTables");
        var limited = (DateTime.UtcNow - started).TotalSeconds;

        using var calm = new FaultServer((_, _, c) => Answers.DynamoDbTables(c));
        var standard = FaultClients.Create(calm.Server, "dynamodb", RetryMode.Adaptive);
        started = DateTime.UtcNow;
        for (var i = 0; i < 4; i++) await standard.InvokeAsync("ListTables");
        var unlimited = (DateTime.UtcNow - started).TotalSeconds;

        Assert.True(limited > 0.5, $"three calls after a throttle took {limited:F3} s; the token bucket should have spaced them");
        Assert.True(unlimited < limited, $"an adaptive client never throttled took {unlimited:F3} s for four calls, the throttled one {limited:F3} s for three");
    }
}
