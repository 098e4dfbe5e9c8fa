namespace AwsCore.Http;

/// <summary>
/// botocore's standard mode: retry while attempts remain and the attempt was transient (500/502/503/504, RequestTimeout
/// and friends, a connection or HTTP client error), throttled, modeled as retryable, an STS IDPCommunicationError or a
/// DynamoDB CRC32 mismatch, and the retry quota can pay (5, or 10 after a timeout); wait rand * min(2^(n-1), 20) s.
/// </summary>
public sealed class StandardRetryStrategy : RetryStrategy
{
    /// <summary>Attempts when none are configured.</summary>
    public const int DefaultMaxAttempts = 3;
    /// <summary>The backoff cap in seconds.</summary>
    public const double MaxBackoffSeconds = 20;
    /// <summary>What a retry takes from the quota.</summary>
    public const int RetryCost = 5;
    /// <summary>What a retry after a connect or read timeout takes from the quota.</summary>
    public const int TimeoutRetryCost = 10;
    /// <summary>What a call that succeeded without retrying gives back.</summary>
    public const int NoRetryIncrement = 1;

    private readonly string _serviceName;
    private readonly Func<double> _random;

    /// <summary>Creates the strategy; see <see cref="RetryStrategy.Create"/>.</summary>
    public StandardRetryStrategy(string serviceName, int maxAttempts, RetryQuota quota, Func<double> random)
    {
        if (maxAttempts < 1) throw new ArgumentOutOfRangeException(nameof(maxAttempts), "max_attempts must be at least 1");
        _serviceName = serviceName ?? throw new ArgumentNullException(nameof(serviceName));
        MaxAttempts = maxAttempts;
        Quota = quota ?? throw new ArgumentNullException(nameof(quota));
        _random = random ?? throw new ArgumentNullException(nameof(random));
    }

    /// <inheritdoc />
    public override RetryMode Mode => RetryMode.Standard;

    /// <inheritdoc />
    public override int MaxAttempts { get; }

    /// <summary>The retry quota this client's calls share.</summary>
    public RetryQuota Quota { get; }

    /// <inheritdoc />
    public override RetryDecision Evaluate(RetryRequest request, RetryAttempt attempt)
    {
        var decision = Decide(request, attempt);
        // A call that ends in a 2xx gives back what its retries took (after-call in botocore), even when a DynamoDB
        // CRC32 mismatch could no longer be retried.
        if (!decision.ShouldRetry && attempt.IsSuccess) Quota.Release(request.QuotaAcquired ?? NoRetryIncrement);
        return decision;
    }

    private RetryDecision Decide(RetryRequest request, RetryAttempt attempt)
    {
        if (attempt.AttemptNumber >= MaxAttempts) return RetryDecision.Stop("MaxAttemptsReached");
        var reason = RetryableReason(attempt);
        if (reason is null) return RetryDecision.Stop(attempt.IsSuccess ? "success" : "not retryable");
        var cost = attempt.TransportError is RetryTransportError.ConnectTimeout or RetryTransportError.ReadTimeout
            ? TimeoutRetryCost
            : RetryCost;
        if (!Quota.TryAcquire(cost)) return RetryDecision.Stop("RetryQuotaReached");
        request.QuotaAcquired = cost;
        var delay = _random() * Math.Min(Math.Pow(2, attempt.AttemptNumber - 1), MaxBackoffSeconds);
        return RetryDecision.Retry(delay, reason);
    }

    private string? RetryableReason(RetryAttempt attempt)
    {
        var code = attempt.ErrorCode;
        if (code is not null && RetryErrorCodes.Transient.Contains(code)) return "transient error code " + code;
        if (attempt.StatusCode is { } status && RetryErrorCodes.TransientStatusCodes.Contains(status)) return "transient status " + status;
        if (attempt.TransportError != RetryTransportError.None) return "transport error " + attempt.TransportError;
        if (code is not null && RetryErrorCodes.Throttling.Contains(code)) return "throttling error code " + code;
        if (code is not null && attempt.ModeledRetry != ModeledRetry.None) return "modeled retryable error " + code;
        if (_serviceName == "sts" && code == "IDPCommunicationError") return "STS IDPCommunicationError";
        if (_serviceName == "dynamodb" && attempt.Crc32Mismatch) return "DynamoDB CRC32 mismatch";
        if (attempt.ClockSkewCorrected) return "clock skew corrected";
        return null;
    }
}
