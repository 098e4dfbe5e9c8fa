namespace AwsCore.Http;

/// <summary>
/// The adaptive mode's client-side rate limiter (botocore adaptive.py ClientRateLimiter and RateClocker): it measures the
/// rate of responses, and from the first throttle on it paces sends through a token bucket whose rate follows CUBIC,
/// never above twice the measured rate. Thread-safe.
/// </summary>
public sealed class RetryRateLimiter
{
    private const double MaxRateAdjustScale = 2.0;
    private const double Smoothing = 0.8;
    private const double TimeBucketScale = 1 / 0.5;

    private readonly object _gate = new();
    private readonly object _clockerGate = new();
    private readonly Func<double> _clock;
    private readonly RetryCubicCalculator _cubic;
    private double _measuredRate;
    private double _lastBucket;
    private int _count;
    private bool _enabled;

    /// <summary>Creates a limiter; <paramref name="clock"/> returns seconds.</summary>
    public RetryRateLimiter(Func<double> clock)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _cubic = new RetryCubicCalculator(0, clock());
        Bucket = new RetryTokenBucket(1, clock);
        _lastBucket = Math.Floor(clock());
    }

    /// <summary>The bucket that paces sends once throttling has been seen.</summary>
    public RetryTokenBucket Bucket { get; }

    /// <summary>Whether a throttle has been seen (pacing is on).</summary>
    public bool Enabled
    {
        get
        {
            lock (_gate) return _enabled;
        }
    }

    /// <summary>The smoothed rate of responses per second.</summary>
    public double MeasuredRate
    {
        get
        {
            lock (_clockerGate) return _measuredRate;
        }
    }

    /// <summary>How long to wait before sending; zero until the first throttle.</summary>
    public TimeSpan BeforeSend() => Enabled ? Bucket.Acquire() : TimeSpan.Zero;

    /// <summary>Records one response (or failure) and adjusts the send rate.</summary>
    public void OnResponse(bool throttled)
    {
        var measured = Record();
        var timestamp = _clock();
        lock (_gate)
        {
            double newRate;
            if (!throttled) newRate = _cubic.SuccessReceived(timestamp);
            else
            {
                var rateToUse = _enabled ? Math.Min(measured, Bucket.MaxRate) : measured;
                newRate = _cubic.ErrorReceived(rateToUse, timestamp);
                _enabled = true;
            }
            Bucket.MaxRate = Math.Min(newRate, MaxRateAdjustScale * measured);
        }
    }

    // Counts responses per half-second bucket and smooths the rate over buckets.
    private double Record()
    {
        lock (_clockerGate)
        {
            var t = _clock();
            var bucket = Math.Floor(t * TimeBucketScale) / TimeBucketScale;
            _count++;
            if (bucket > _lastBucket)
            {
                var currentRate = _count / (bucket - _lastBucket);
                _measuredRate = currentRate * Smoothing + _measuredRate * (1 - Smoothing);
                _count = 0;
                _lastBucket = bucket;
            }
            return _measuredRate;
        }
    }
}
