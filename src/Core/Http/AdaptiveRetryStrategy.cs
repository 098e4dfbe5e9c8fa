namespace AwsCore.Http;

/// <summary>botocore's adaptive mode: the standard mode's decisions, with sends paced by <see cref="RetryRateLimiter"/>.</summary>
public sealed class AdaptiveRetryStrategy : RetryStrategy
{
    /// <summary>Wraps a standard strategy with a rate limiter.</summary>
    public AdaptiveRetryStrategy(StandardRetryStrategy standard, RetryRateLimiter limiter)
    {
        Standard = standard ?? throw new ArgumentNullException(nameof(standard));
        Limiter = limiter ?? throw new ArgumentNullException(nameof(limiter));
    }

    /// <summary>The standard decisions underneath.</summary>
    public StandardRetryStrategy Standard { get; }

    /// <summary>The client's rate limiter.</summary>
    public RetryRateLimiter Limiter { get; }

    /// <inheritdoc />
    public override RetryMode Mode => RetryMode.Adaptive;

    /// <inheritdoc />
    public override int MaxAttempts => Standard.MaxAttempts;

    /// <inheritdoc />
    public override TimeSpan BeforeSend(RetryRequest request) => Limiter.BeforeSend();

    /// <inheritdoc />
    public override RetryDecision Evaluate(RetryRequest request, RetryAttempt attempt)
    {
        Limiter.OnResponse(RetryErrorCodes.IsThrottling(attempt));
        return Standard.Evaluate(request, attempt);
    }
}
