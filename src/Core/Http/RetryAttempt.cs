namespace AwsCore.Http;

/// <summary>The outcome of one attempt, as the retry strategies judge it.</summary>
public sealed class RetryAttempt
{
    /// <summary>How many attempts have been made, this one included (1 after the first).</summary>
    public int AttemptNumber { get; init; } = 1;

    /// <summary>The HTTP status, or null when no response arrived.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The parsed service error code ("ThrottlingException"), or null.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The transport failure when no response arrived.</summary>
    public RetryTransportError TransportError { get; init; }

    /// <summary>The retryable trait of the modeled error shape matching <see cref="ErrorCode"/>.</summary>
    public ModeledRetry ModeledRetry { get; init; }

    /// <summary>DynamoDB's x-amz-crc32 header did not match the body.</summary>
    public bool Crc32Mismatch { get; init; }

    /// <summary>The error was a clock-skew error and the client has just corrected its clock offset (see <see cref="RetryClockSkew"/>).</summary>
    public bool ClockSkewCorrected { get; init; }

    /// <summary>A 2xx response with no error: the call succeeded.</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300 && ErrorCode is null && TransportError == RetryTransportError.None;

    /// <inheritdoc />
    public override string ToString() =>
        $"attempt {AttemptNumber}: " + (TransportError != RetryTransportError.None
            ? TransportError.ToString()
            : $"HTTP {StatusCode?.ToString() ?? "-"} {ErrorCode}").TrimEnd();
}

/// <summary>Whether to send the request again, and after how long.</summary>
public readonly struct RetryDecision
{
    private RetryDecision(bool retry, TimeSpan delay, string reason)
    {
        ShouldRetry = retry;
        Delay = delay;
        Reason = reason;
    }

    /// <summary>Send again after <see cref="Delay"/>.</summary>
    public bool ShouldRetry { get; }

    /// <summary>How long to wait before the next attempt (zero when not retrying).</summary>
    public TimeSpan Delay { get; }

    /// <summary>Why: the condition that matched, or why not ("MaxAttemptsReached", "RetryQuotaReached", "not retryable").</summary>
    public string Reason { get; }

    /// <summary>Retry after <paramref name="delaySeconds"/>.</summary>
    public static RetryDecision Retry(double delaySeconds, string reason) =>
        new(true, TimeSpan.FromTicks((long)Math.Round(delaySeconds * TimeSpan.TicksPerSecond)), reason);

    /// <summary>Do not retry.</summary>
    public static RetryDecision Stop(string reason) => new(false, TimeSpan.Zero, reason);

    /// <inheritdoc />
    public override string ToString() => ShouldRetry ? $"retry in {Delay.TotalMilliseconds:0.###} ms ({Reason})" : $"no retry ({Reason})";
}
