namespace AwsCore.Http;

/// <summary>The error codes and statuses botocore's standard mode treats as throttling or transient.</summary>
public static class RetryErrorCodes
{
    /// <summary>Throttling codes: retried, and they slow the adaptive rate limiter.</summary>
    public static IReadOnlyCollection<string> Throttling { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    };

    /// <summary>Transient codes.</summary>
    public static IReadOnlyCollection<string> Transient { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete",
    };

    /// <summary>Transient HTTP statuses.</summary>
    public static IReadOnlyCollection<int> TransientStatusCodes { get; } = new HashSet<int> { 500, 502, 503, 504 };

    /// <summary>A fixed throttling code or a modeled throttling error.</summary>
    public static bool IsThrottling(RetryAttempt attempt) =>
        (attempt.ErrorCode is { } code && Throttling.Contains(code)) || attempt.ModeledRetry == ModeledRetry.Throttling;
}
