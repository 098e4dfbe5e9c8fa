namespace AwsCore.Http;

/// <summary>
/// CUBIC congestion control for the send rate (botocore throttling.py): after a throttle the rate drops to 0.7 of what
/// it was, then grows along 0.4 * (t - K)^3 + Wmax, reaching the old rate Wmax at K = cbrt(Wmax * 0.3 / 0.4) seconds.
/// Not thread-safe by itself; <see cref="RetryRateLimiter"/> guards it.
/// </summary>
public sealed class RetryCubicCalculator
{
    private const double ScaleConstant = 0.4;
    private const double Beta = 0.7;

    /// <summary>Starts at <paramref name="startingMaxRate"/> with the last failure at <paramref name="startTime"/>.</summary>
    public RetryCubicCalculator(double startingMaxRate, double startTime)
    {
        WMax = startingMaxRate;
        K = ZeroPoint(WMax);
        LastFail = startTime;
    }

    /// <summary>The rate when the last throttle arrived.</summary>
    public double WMax { get; private set; }

    /// <summary>Seconds from the last throttle until the rate is back at <see cref="WMax"/>.</summary>
    public double K { get; private set; }

    /// <summary>When the last throttle arrived (clock seconds).</summary>
    public double LastFail { get; private set; }

    /// <summary>The rate allowed after a success at <paramref name="timestamp"/>.</summary>
    public double SuccessReceived(double timestamp)
    {
        var dt = timestamp - LastFail;
        return ScaleConstant * Math.Pow(dt - K, 3) + WMax;
    }

    /// <summary>The rate allowed after a throttle at <paramref name="timestamp"/> while sending at <paramref name="currentRate"/>.</summary>
    public double ErrorReceived(double currentRate, double timestamp)
    {
        WMax = currentRate;
        K = ZeroPoint(WMax);
        LastFail = timestamp;
        return currentRate * Beta;
    }

    // Python's ** (1/3) of a negative float gives a complex number; rates are never negative here.
    private static double ZeroPoint(double wMax) => Math.Pow(wMax * (1 - Beta) / ScaleConstant, 1.0 / 3.0);
}
