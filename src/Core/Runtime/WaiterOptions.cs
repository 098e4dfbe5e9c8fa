namespace AwsCore.Runtime;

/// <summary>Overrides for one wait (botocore's WaiterConfig), plus an overall time limit.</summary>
public sealed class WaiterOptions
{
    /// <summary>Time between attempts instead of the definition's delay.</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>Attempts instead of the definition's maxAttempts (at least 1).</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>Give up once this much time has passed, even with attempts left; the request in flight is cancelled.</summary>
    public TimeSpan? Timeout { get; init; }
}
