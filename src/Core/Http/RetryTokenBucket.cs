namespace AwsCore.Http;

/// <summary>
/// The adaptive mode's token bucket (botocore bucket.py): tokens refill at the current rate (at least 0.5/s) up to a
/// capacity of max(rate, 1). Instead of blocking, <see cref="Acquire"/> takes the tokens at once and returns how long the
/// caller must wait for them, so a call can wait asynchronously and be cancelled; callers that arrive while the bucket is
/// in debt queue behind each other, as botocore's blocked threads do.
/// </summary>
public sealed class RetryTokenBucket
{
    /// <summary>The slowest fill rate, tokens per second.</summary>
    public const double MinRate = 0.5;

    private readonly object _gate = new();
    private readonly Func<double> _clock;
    private double _fillRate;
    private double _maxCapacity;
    private double _current;
    private double? _lastTimestamp;

    /// <summary>Creates an empty bucket filling at <paramref name="maxRate"/>; <paramref name="clock"/> gives seconds.</summary>
    public RetryTokenBucket(double maxRate, Func<double> clock)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        MaxRate = maxRate;
    }

    /// <summary>The fill rate in tokens per second; setting it refills first and caps the tokens at the new capacity.</summary>
    public double MaxRate
    {
        get
        {
            lock (_gate) return _fillRate;
        }
        set
        {
            lock (_gate)
            {
                Refill();
                _fillRate = Math.Max(value, MinRate);
                _maxCapacity = value >= 1 ? value : 1;
                _current = Math.Min(_current, _maxCapacity);
            }
        }
    }

    /// <summary>The most tokens the bucket holds.</summary>
    public double MaxCapacity
    {
        get
        {
            lock (_gate) return _maxCapacity;
        }
    }

    /// <summary>The tokens there now (negative while callers wait for tokens they have taken).</summary>
    public double AvailableCapacity
    {
        get
        {
            lock (_gate) return _current;
        }
    }

    /// <summary>Takes <paramref name="amount"/> tokens and returns how long to wait until they have been earned.</summary>
    public TimeSpan Acquire(double amount = 1)
    {
        lock (_gate)
        {
            Refill();
            var wait = amount <= _current ? 0 : (amount - _current) / _fillRate;
            _current -= amount;
            return TimeSpan.FromTicks((long)Math.Ceiling(wait * TimeSpan.TicksPerSecond));
        }
    }

    private void Refill()
    {
        var now = _clock();
        if (_lastTimestamp is not { } last)
        {
            _lastTimestamp = now;
            return;
        }
        _current = Math.Min(_maxCapacity, _current + (now - last) * _fillRate);
        _lastTimestamp = now;
    }
}
