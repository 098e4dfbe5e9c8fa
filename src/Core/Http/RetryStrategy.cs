namespace AwsCore.Http;

/// <summary>
/// Decides retries for one client (one service). Pure logic: it never sleeps or sends; the transport asks it before each
/// send (<see cref="BeforeSend"/>, the adaptive mode's rate limit) and after each attempt (<see cref="Evaluate"/>), and waits
/// the delays it returns. Thread-safe: one strategy serves every concurrent call of its client, each with its own
/// <see cref="RetryRequest"/>.
/// </summary>
public abstract class RetryStrategy
{
    /// <summary>The mode this strategy implements.</summary>
    public abstract RetryMode Mode { get; }

    /// <summary>The total number of attempts allowed, the first included.</summary>
    public abstract int MaxAttempts { get; }

    /// <summary>Per-call state; create one for every call and pass it to each step of that call.</summary>
    public virtual RetryRequest BeginRequest() => new();

    /// <summary>How long to wait before sending the next attempt (client-side rate limiting); zero except in adaptive mode.</summary>
    public virtual TimeSpan BeforeSend(RetryRequest request) => TimeSpan.Zero;

    /// <summary>Judges one attempt's outcome (success too, which settles the call's accounting).</summary>
    public abstract RetryDecision Evaluate(RetryRequest request, RetryAttempt attempt);

    /// <summary>
    /// The strategy for a mode, as botocore builds it for a client. <paramref name="serviceName"/> is botocore's service
    /// name / endpoint prefix ("dynamodb", "sts", "s3"); <paramref name="totalMaxAttempts"/> is the configured total
    /// attempts (retries.total_max_attempts, AWS_MAX_ATTEMPTS), null for the mode's default. Legacy mode needs
    /// <paramref name="legacyConfig"/> (_retry.json). <paramref name="random"/> returns [0, 1) and <paramref name="clock"/>
    /// seconds on a monotonic scale; both default to the system's.
    /// </summary>
    public static RetryStrategy Create(RetryMode mode, string serviceName, int? totalMaxAttempts = null,
        LegacyRetryConfig? legacyConfig = null, Func<double>? random = null, Func<double>? clock = null)
    {
        random ??= RetryRandom.Shared;
        switch (mode)
        {
            case RetryMode.Legacy:
                if (legacyConfig is null) throw new ArgumentNullException(nameof(legacyConfig), "legacy retries need _retry.json");
                return new LegacyRetryStrategy(legacyConfig.ForService(serviceName, totalMaxAttempts), random);
            case RetryMode.Standard:
                return new StandardRetryStrategy(serviceName, totalMaxAttempts ?? StandardRetryStrategy.DefaultMaxAttempts,
                    new RetryQuota(), random);
            case RetryMode.Adaptive:
                var standard = new StandardRetryStrategy(serviceName, totalMaxAttempts ?? StandardRetryStrategy.DefaultMaxAttempts,
                    new RetryQuota(), random);
                return new AdaptiveRetryStrategy(standard, new RetryRateLimiter(clock ?? RetryClock.Monotonic));
            default:
                throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown retry mode");
        }
    }

    /// <summary>
    /// The strategy for a client of <paramref name="service"/>: legacy mode looks its policies up by endpoint prefix
    /// (as botocore does), the standard checks by service name; _retry.json comes from <paramref name="loader"/>.
    /// </summary>
    public static RetryStrategy For(Models.ServiceModel service, RetryMode mode, int? totalMaxAttempts, Models.ModelLoader loader)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        return mode == RetryMode.Legacy
            ? Create(mode, service.EndpointPrefix, totalMaxAttempts, LegacyRetryConfig.For(loader))
            : Create(mode, service.ServiceName, totalMaxAttempts);
    }

    /// <summary>Parses "legacy", "standard" or "adaptive" as configuration spells them.</summary>
    public static RetryMode ParseMode(string value) => value switch
    {
        "legacy" => RetryMode.Legacy,
        "standard" => RetryMode.Standard,
        "adaptive" => RetryMode.Adaptive,
        _ => throw new ArgumentException($"retry_mode: '{value}' is not one of legacy, standard, adaptive", nameof(value)),
    };
}

/// <summary>The retry state of one call: what its retries took from the quota.</summary>
public sealed class RetryRequest
{
    /// <summary>The quota units the call's latest retry took, or null when it has not retried.</summary>
    public int? QuotaAcquired { get; internal set; }
}

/// <summary>Thread-safe default sources of randomness and time for the strategies.</summary>
internal static class RetryRandom
{
    [ThreadStatic] private static Random? _random;

    public static Func<double> Shared { get; } = () => (_random ??= new Random(Guid.NewGuid().GetHashCode())).NextDouble();
}

internal static class RetryClock
{
    private static readonly System.Diagnostics.Stopwatch Started = System.Diagnostics.Stopwatch.StartNew();
    private static readonly double Origin = (DateTime.UtcNow - new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalSeconds;

    /// <summary>Seconds since the epoch at start-up, advancing with a monotonic stopwatch.</summary>
    public static Func<double> Monotonic { get; } = () => Origin + Started.Elapsed.TotalSeconds;
}
