using AwsCore.Http;

namespace AwsCore.Tests.Retries;

/// <summary>Standard mode with botocore's numbers: 3 attempts, quota 500 at 5 or 10 a retry, rand * min(2^(n-1), 20).</summary>
public sealed class StandardRetryTests
{
    private static StandardRetryStrategy Create(double random = 1.0, int max = 3, string service = "lambda") =>
        new(service, max, new RetryQuota(), () => random);

    [Fact]
    public void ThreeAttemptsByDefault()
    {
        var strategy = RetryStrategy.Create(RetryMode.Standard, "lambda");
        Assert.Equal(3, strategy.MaxAttempts);
        var request = strategy.BeginRequest();
        Assert.True(strategy.Evaluate(request, new RetryAttempt { AttemptNumber = 2, StatusCode = 503 }).ShouldRetry);
        Assert.Equal("MaxAttemptsReached", strategy.Evaluate(request, new RetryAttempt { AttemptNumber = 3, StatusCode = 503 }).Reason);
    }

    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(2, 2.0)]
    [InlineData(5, 16.0)]
    [InlineData(6, 20.0)]
    [InlineData(9, 20.0)]
    public void BackoffDoublesUpToTwentySeconds(int attempt, double seconds)
    {
        var decision = Create(max: 10).Evaluate(new RetryRequest(), new RetryAttempt { AttemptNumber = attempt, StatusCode = 500 });
        Assert.Equal(TimeSpan.FromSeconds(seconds), decision.Delay);
    }

    [Fact]
    public void TheQuotaRunsOutAfterOneHundredRetriesAndRefillsOnSuccess()
    {
        var strategy = Create(0.0, max: 1000);
        var request = strategy.BeginRequest();
        for (var n = 1; n <= 100; n++) Assert.True(strategy.Evaluate(request, new RetryAttempt { AttemptNumber = n, StatusCode = 503 }).ShouldRetry);
        Assert.Equal(0, strategy.Quota.Available);
        Assert.Equal("RetryQuotaReached", strategy.Evaluate(request, new RetryAttempt { AttemptNumber = 101, StatusCode = 503 }).Reason);
        // The call then succeeds: it gives back what its last retry took.
        strategy.Evaluate(request, new RetryAttempt { AttemptNumber = 102, StatusCode = 200 });
        Assert.Equal(5, strategy.Quota.Available);
        // A call that needed no retry gives back 1.
        strategy.Evaluate(strategy.BeginRequest(), new RetryAttempt { StatusCode = 200 });
        Assert.Equal(6, strategy.Quota.Available);
    }

    [Fact]
    public void TimeoutsCostTenAndTheQuotaNeverExceedsItsStart()
    {
        var strategy = Create();
        var request = strategy.BeginRequest();
        strategy.Evaluate(request, new RetryAttempt { TransportError = RetryTransportError.ReadTimeout });
        Assert.Equal(490, strategy.Quota.Available);
        strategy.Evaluate(request, new RetryAttempt { AttemptNumber = 2, TransportError = RetryTransportError.ConnectTimeout });
        Assert.Equal(480, strategy.Quota.Available);
        strategy.Evaluate(request, new RetryAttempt { AttemptNumber = 3, StatusCode = 200 });
        Assert.Equal(490, strategy.Quota.Available);
        for (var i = 0; i < 20; i++) strategy.Evaluate(strategy.BeginRequest(), new RetryAttempt { StatusCode = 200 });
        Assert.Equal(500, strategy.Quota.Available);
    }

    [Theory]
    [InlineData(400, "ThrottlingException", true)]
    [InlineData(400, "SlowDown", true)]
    [InlineData(400, "PriorRequestNotComplete", true)]
    [InlineData(400, "RequestTimeout", true)]
    [InlineData(500, null, true)]
    [InlineData(502, null, true)]
    [InlineData(504, null, true)]
    [InlineData(501, null, false)]
    [InlineData(429, null, false)]
    [InlineData(400, "ValidationException", false)]
    [InlineData(404, "NoSuchKey", false)]
    public void RetryableStatusesAndCodes(int status, string? code, bool retry) =>
        Assert.Equal(retry, Create().Evaluate(new RetryRequest(), new RetryAttempt { StatusCode = status, ErrorCode = code }).ShouldRetry);

    [Fact]
    public void ModeledAndServiceSpecificErrorsRetry()
    {
        Assert.True(Create().Evaluate(new RetryRequest(), new RetryAttempt { StatusCode = 400, ErrorCode = "Busy", ModeledRetry = ModeledRetry.Transient }).ShouldRetry);
        Assert.True(Create(service: "sts").Evaluate(new RetryRequest(), new RetryAttempt { StatusCode = 400, ErrorCode = "IDPCommunicationError" }).ShouldRetry);
        Assert.False(Create().Evaluate(new RetryRequest(), new RetryAttempt { StatusCode = 400, ErrorCode = "IDPCommunicationError" }).ShouldRetry);
        Assert.True(Create(service: "dynamodb").Evaluate(new RetryRequest(), new RetryAttempt { StatusCode = 200, Crc32Mismatch = true }).ShouldRetry);
        Assert.True(Create().Evaluate(new RetryRequest(), new RetryAttempt { StatusCode = 403, ErrorCode = "RequestTimeTooSkewed", ClockSkewCorrected = true }).ShouldRetry);
        Assert.False(Create().Evaluate(new RetryRequest(), new RetryAttempt { StatusCode = 403, ErrorCode = "RequestTimeTooSkewed" }).ShouldRetry);
    }

    [Fact]
    public void EveryTransportErrorIsTransient()
    {
        foreach (var error in new[] { RetryTransportError.Connection, RetryTransportError.ConnectTimeout, RetryTransportError.ReadTimeout, RetryTransportError.OtherHttpClientError })
            Assert.True(Create().Evaluate(new RetryRequest(), new RetryAttempt { TransportError = error }).ShouldRetry, error.ToString());
    }

    [Fact]
    public void ModesParseAsConfigurationSpellsThem()
    {
        Assert.Equal(RetryMode.Adaptive, RetryStrategy.ParseMode("adaptive"));
        Assert.Contains("retry_mode: 'fast'", Assert.Throws<ArgumentException>(() => RetryStrategy.ParseMode("fast")).Message);
    }
}
