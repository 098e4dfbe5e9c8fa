namespace AwsCore.Http;

/// <summary>
/// botocore's legacy mode (retryhandler.py): retry when a _retry.json condition matches and attempts remain;
/// a connection error or read timeout retries only where a socket_errors policy exists, a DynamoDB CRC32 mismatch where a
/// crc32 policy does (even on a 200). Delay: base * growth ^ (attempts - 1), base "rand" drawn from [0, 1), no cap.
/// </summary>
public sealed class LegacyRetryStrategy : RetryStrategy
{
    private readonly Func<double> _random;

    /// <summary>Creates the strategy for one service's policy.</summary>
    public LegacyRetryStrategy(LegacyRetryPolicy policy, Func<double> random)
    {
        Policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _random = random ?? throw new ArgumentNullException(nameof(random));
    }

    /// <summary>The policy in force.</summary>
    public LegacyRetryPolicy Policy { get; }

    /// <inheritdoc />
    public override RetryMode Mode => RetryMode.Legacy;

    /// <inheritdoc />
    public override int MaxAttempts => Policy.MaxAttempts;

    /// <inheritdoc />
    public override RetryDecision Evaluate(RetryRequest request, RetryAttempt attempt)
    {
        var matched = Match(attempt);
        if (matched is null) return RetryDecision.Stop(attempt.IsSuccess ? "success" : "not retryable");
        if (attempt.AttemptNumber >= Policy.MaxAttempts) return RetryDecision.Stop("MaxAttemptsReached");
        var growth = Math.Pow(Policy.GrowthFactor, attempt.AttemptNumber - 1);
        return RetryDecision.Retry((Policy.DelayBase ?? _random()) * growth, matched);
    }

    private string? Match(RetryAttempt attempt)
    {
        if (attempt.TransportError != RetryTransportError.None)
        {
            // retryhandler re-raises the caught exception; only ConnectionError (connect timeouts included) and
            // ReadTimeoutError are caught as retryable, and only when a socket_errors policy lists them.
            if (attempt.TransportError == RetryTransportError.OtherHttpClientError) return null;
            return Policy.Conditions.FirstOrDefault(c => c.Kind == LegacyRetryPolicy.ConditionKind.SocketErrors)?.Name;
        }
        if (attempt.StatusCode is not { } status)
            return attempt.ClockSkewCorrected ? "clock skew corrected" : null;
        foreach (var condition in Policy.Conditions)
        {
            var hit = condition.Kind switch
            {
                LegacyRetryPolicy.ConditionKind.Status => status == condition.Status,
                LegacyRetryPolicy.ConditionKind.ServiceError => status == condition.Status && attempt.ErrorCode == condition.ErrorCode,
                LegacyRetryPolicy.ConditionKind.Crc32 => attempt.Crc32Mismatch,
                _ => false,
            };
            if (hit) return condition.Name;
        }
        return attempt.ClockSkewCorrected ? "clock skew corrected" : null;
    }
}
