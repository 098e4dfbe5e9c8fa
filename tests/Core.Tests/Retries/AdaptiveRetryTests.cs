using AwsCore.Http;

namespace AwsCore.Tests.Retries;

/// <summary>The adaptive mode's token bucket, CUBIC rate and pacing on an injected clock.</summary>
public sealed class AdaptiveRetryTests
{
    [Fact]
    public void NoPacingUntilTheFirstThrottle()
    {
        var now = 100.0;
        var strategy = (AdaptiveRetryStrategy)RetryStrategy.Create(RetryMode.Adaptive, "dynamodb", random: () => 0.5, clock: () => now);
        var request = strategy.BeginRequest();
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(TimeSpan.Zero, strategy.BeforeSend(request));
            strategy.Evaluate(request, new RetryAttempt { StatusCode = 200 });
            now += 0.1;
        }
        Assert.False(strategy.Limiter.Enabled);
        var decision = strategy.Evaluate(request, new RetryAttempt { StatusCode = 400, ErrorCode = "ThrottlingException" });
        Assert.True(decision.ShouldRetry);
        Assert.True(strategy.Limiter.Enabled);
        // The bucket starts empty-ish: the next sends wait for tokens at the reduced rate.
        var waits = Enumerable.Range(0, 3).Select(_ => strategy.BeforeSend(request)).ToList();
        Assert.True(waits[2] > waits[1] && waits[1] > TimeSpan.Zero, string.Join(", ", waits));
    }

    [Fact]
    public void TokenBucketWaitsForTokensAtItsRate()
    {
        var now = 0.0;
        var bucket = new RetryTokenBucket(2, () => now);
        Assert.Equal(TimeSpan.FromSeconds(0.5), bucket.Acquire());
        now = 0.5;
        Assert.Equal(TimeSpan.FromSeconds(0.5), bucket.Acquire());
        now = 10;
        // Capacity is capped at the rate: two tokens banked, not twenty.
        Assert.Equal(TimeSpan.Zero, bucket.Acquire());
        Assert.Equal(TimeSpan.Zero, bucket.Acquire());
        Assert.Equal(0, bucket.AvailableCapacity, 9);
        Assert.Equal(TimeSpan.FromSeconds(0.5), bucket.Acquire());
    }

    [Fact]
    public void TheRateNeverFallsBelowHalfATokenPerSecond()
    {
        var bucket = new RetryTokenBucket(0.1, () => 0);
        Assert.Equal(0.5, bucket.MaxRate);
        Assert.Equal(1, bucket.MaxCapacity);
    }

    [Fact]
    public void CubicDropsToSeventyPercentAndRecoversAfterK()
    {
        var cubic = new RetryCubicCalculator(0, 0);
        Assert.Equal(7, cubic.ErrorReceived(10, 5), 9);
        Assert.Equal(Math.Pow(10 * 0.3 / 0.4, 1.0 / 3), cubic.K, 9);
        Assert.Equal(10, cubic.SuccessReceived(5 + cubic.K), 9);
        Assert.True(cubic.SuccessReceived(5 + cubic.K + 1) > 10);
    }
}
