using AwsCore.Http;
using AwsCore.Tests.Endpoints;

namespace AwsCore.Tests.Retries;

/// <summary>Legacy mode from botocore's _retry.json, with the numbers botocore produces.</summary>
public sealed class LegacyRetryTests
{
    private static readonly Lazy<LegacyRetryConfig> Config = new(() => LegacyRetryConfig.Load(Path.Combine(PythonBotocore.Data, "_retry.json")));

    private static RetryDecision Decide(string service, RetryAttempt attempt, double random = 0.5, int? max = null) =>
        RetryStrategy.Create(RetryMode.Legacy, service, max, Config.Value, () => random).Evaluate(new RetryRequest(), attempt);

    [Fact]
    public void DefaultIsFiveAttemptsWithRandomExponentialDelays()
    {
        var throttled = new RetryAttempt { StatusCode = 400, ErrorCode = "Throttling" };
        Assert.Equal(5, Config.Value.ForService("lambda").MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(0.5), Decide("lambda", throttled).Delay);
        Assert.Equal(TimeSpan.FromSeconds(0.25 * 8), Decide("lambda", new RetryAttempt { AttemptNumber = 4, StatusCode = 503 }, 0.25).Delay);
        Assert.False(Decide("lambda", new RetryAttempt { AttemptNumber = 5, StatusCode = 503 }).ShouldRetry);
        Assert.Equal("MaxAttemptsReached", Decide("lambda", new RetryAttempt { AttemptNumber = 5, StatusCode = 503 }).Reason);
    }

    [Fact]
    public void DynamoDbMakesTenAttemptsFromFiftyMilliseconds()
    {
        var policy = Config.Value.ForService("dynamodb");
        Assert.Equal(10, policy.MaxAttempts);
        var strategy = new LegacyRetryStrategy(policy, () => throw new InvalidOperationException("no randomness with a fixed base"));
        var delays = Enumerable.Range(1, 10)
            .Select(n => strategy.Evaluate(new RetryRequest(), new RetryAttempt { AttemptNumber = n, StatusCode = 400, ErrorCode = "ProvisionedThroughputExceededException" }))
            .ToList();
        Assert.Equal(new[] { 50, 100, 200, 400, 800, 1600, 3200, 6400, 12800 }, delays.Take(9).Select(d => (int)Math.Round(d.Delay.TotalMilliseconds)));
        Assert.False(delays[9].ShouldRetry);
    }

    [Fact]
    public void ServicePoliciesAreMergedOverTheDefaults()
    {
        // EC2's RequestLimitExceeded comes with a 503; organizations narrows too_many_requests to its own code.
        Assert.True(Decide("ec2", new RetryAttempt { StatusCode = 503, ErrorCode = "RequestLimitExceeded" }).ShouldRetry);
        Assert.True(Decide("lambda", new RetryAttempt { StatusCode = 429 }).ShouldRetry);
        Assert.False(Decide("organizations", new RetryAttempt { StatusCode = 429 }).ShouldRetry);
        Assert.True(Decide("organizations", new RetryAttempt { StatusCode = 400, ErrorCode = "TooManyRequestsException" }).ShouldRetry);
        Assert.True(Decide("s3", new RetryAttempt { StatusCode = 400, ErrorCode = "BadDigest" }).ShouldRetry);
        Assert.False(Decide("lambda", new RetryAttempt { StatusCode = 400, ErrorCode = "BadDigest" }).ShouldRetry);
    }

    [Fact]
    public void SocketErrorsRetryButOtherClientErrorsDoNot()
    {
        Assert.True(Decide("sqs", new RetryAttempt { TransportError = RetryTransportError.Connection }).ShouldRetry);
        Assert.True(Decide("sqs", new RetryAttempt { TransportError = RetryTransportError.ReadTimeout }).ShouldRetry);
        Assert.True(Decide("sqs", new RetryAttempt { TransportError = RetryTransportError.ConnectTimeout }).ShouldRetry);
        Assert.False(Decide("sqs", new RetryAttempt { TransportError = RetryTransportError.OtherHttpClientError }).ShouldRetry);
    }

    [Fact]
    public void DynamoDbRetriesACrc32MismatchEvenOnA200()
    {
        Assert.True(Decide("dynamodb", new RetryAttempt { StatusCode = 200, Crc32Mismatch = true }).ShouldRetry);
        Assert.False(Decide("lambda", new RetryAttempt { StatusCode = 200, Crc32Mismatch = true }).ShouldRetry);
        Assert.Equal("success", Decide("dynamodb", new RetryAttempt { StatusCode = 200 }).Reason);
    }

    [Fact]
    public void ConfiguredAttemptsReplaceTheFileValue()
    {
        Assert.Equal(2, Config.Value.ForService("dynamodb", 2).MaxAttempts);
        Assert.False(Decide("dynamodb", new RetryAttempt { AttemptNumber = 2, StatusCode = 500 }, max: 2).ShouldRetry);
    }

    [Fact]
    public void TheBundledRetryFileGivesTheSamePolicies()
    {
        var bundled = LegacyRetryConfig.For(AwsCore.Models.ModelLoader.Default);
        Assert.Same(bundled, LegacyRetryConfig.For(AwsCore.Models.ModelLoader.Default));
        Assert.Equal(10, bundled.ForService("dynamodb").MaxAttempts);
        Assert.Equal(Config.Value.ForService("ec2").Conditions.Select(c => c.ToString()), bundled.ForService("ec2").Conditions.Select(c => c.ToString()));
    }

    [Fact]
    public void AClientOfAServiceModelGetsItsPolicies()
    {
        var loader = new AwsCore.Models.ModelLoader(new[] { PythonBotocore.Data });
        var dynamodb = loader.GetService("dynamodb");
        Assert.Equal(10, RetryStrategy.For(dynamodb, RetryMode.Legacy, null, loader).MaxAttempts);
        Assert.Equal(3, RetryStrategy.For(dynamodb, RetryMode.Standard, null, loader).MaxAttempts);
        Assert.Equal(7, RetryStrategy.For(dynamodb, RetryMode.Adaptive, 7, loader).MaxAttempts);
        var sts = RetryStrategy.For(loader.GetService("sts"), RetryMode.Standard, null, loader);
        Assert.True(sts.Evaluate(sts.BeginRequest(), new RetryAttempt { StatusCode = 400, ErrorCode = "IDPCommunicationError" }).ShouldRetry);
    }

    [Fact]
    public void BadConfigurationNamesTheFileAndPath()
    {
        var json = """{"retry":{"__default__":{"max_attempts":5,"delay":{"type":"linear"},"policies":{}}},"definitions":{}}""";
        var config = LegacyRetryConfig.Parse(System.Text.Encoding.UTF8.GetBytes(json), "my_retry.json");
        var e = Assert.Throws<FormatException>(() => config.ForService("s3"));
        Assert.Equal("my_retry.json: retry.s3.delay: only exponential delays are known, got 'linear'", e.Message);
        var missing = """{"retry":{"__default__":{"policies":{"a":{"$ref":"nope"}}}},"definitions":{}}""";
        Assert.Contains("unknown $ref 'nope'",
            Assert.Throws<FormatException>(() => LegacyRetryConfig.Parse(System.Text.Encoding.UTF8.GetBytes(missing), "r.json")).Message);
    }
}
