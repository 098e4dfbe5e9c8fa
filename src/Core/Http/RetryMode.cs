namespace AwsCore.Http;

/// <summary>botocore's retry modes (config retries.mode, AWS_RETRY_MODE, retry_mode in a profile).</summary>
public enum RetryMode
{
    /// <summary>_retry.json's policies: 5 attempts (DynamoDB 10), un-capped exponential delays.</summary>
    Legacy,
    /// <summary>3 attempts, a shared retry quota, jittered exponential backoff capped at 20 s.</summary>
    Standard,
    /// <summary>Standard plus client-side rate limiting that backs off when throttled (CUBIC).</summary>
    Adaptive,
}

/// <summary>How an attempt failed below HTTP, if it did.</summary>
public enum RetryTransportError
{
    /// <summary>A response arrived.</summary>
    None,
    /// <summary>The connection failed or broke (refused, reset, closed early, DNS, TLS, proxy).</summary>
    Connection,
    /// <summary>Connecting took longer than the connect timeout.</summary>
    ConnectTimeout,
    /// <summary>The response took longer than the read timeout.</summary>
    ReadTimeout,
    /// <summary>Any other failure of the HTTP client (standard mode retries it, legacy does not).</summary>
    OtherHttpClientError,
}

/// <summary>What the service model's retryable trait says about the error shape, if anything.</summary>
public enum ModeledRetry
{
    /// <summary>The error shape has no retryable trait (or there is no error shape).</summary>
    None,
    /// <summary>retryable: {"throttling": false}.</summary>
    Transient,
    /// <summary>retryable: {"throttling": true}.</summary>
    Throttling,
}
